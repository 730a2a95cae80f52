package org.medunion.diagnostics;

/** A report's status (FHIR DiagnosticReport.status preliminary / final / amended). */
public enum ReportStatus {
    PRELIMINARY, FINAL, AMENDED
}
