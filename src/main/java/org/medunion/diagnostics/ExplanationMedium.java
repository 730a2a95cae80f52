package org.medunion.diagnostics;

/** How the patient was told why a result was not recognised (NAT-R-8): a printed sheet, in person, an app message. */
public enum ExplanationMedium {
    PRINTED, VERBAL, APP_MESSAGE
}
