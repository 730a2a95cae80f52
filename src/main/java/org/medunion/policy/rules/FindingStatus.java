package org.medunion.policy.rules;

/** OPEN: the rule is broken; OVERRIDDEN: broken but let through by a planner's recorded override; NO_DATA: cannot be checked. */
public enum FindingStatus {
    OPEN, OVERRIDDEN, NO_DATA
}
