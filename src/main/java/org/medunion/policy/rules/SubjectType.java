package org.medunion.policy.rules;

/** What a finding is about. */
public enum SubjectType {
    JURISDICTION, DISTRICT, GRID, CONSORTIUM, INSTITUTION, PRACTITIONER, DISPATCH, AGREEMENT
}
