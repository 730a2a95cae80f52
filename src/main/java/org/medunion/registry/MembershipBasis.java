package org.medunion.registry;

/** Why a municipal hospital works in a district (SH-5): branch campus, planned campus, counterpart support. */
public enum MembershipBasis {
    HOME_DISTRICT, BRANCH_CAMPUS, PLANNED_CAMPUS, COUNTERPART_SUPPORT, OTHER
}
