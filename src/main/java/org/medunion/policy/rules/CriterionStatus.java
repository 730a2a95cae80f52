package org.medunion.policy.rules;

/** Status of a NAT checklist criterion: MANUAL when only manual evidence (recorded by office/planner) shows it. */
public enum CriterionStatus {
    MET, NOT_MET, NO_DATA, MANUAL
}
