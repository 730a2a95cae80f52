package org.medunion.diagnostics;

/** The clinician's decision on an offer (NAT-R-5): recognise an earlier result or re-examine. */
public enum DecisionOutcome {
    RECOGNISED, REEXAMINED
}
