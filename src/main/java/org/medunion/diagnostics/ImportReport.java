package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * A report sent in by a performing member's HIS/LIS/PACS (result import): the report, and its identifier at the member
 * ({@code system} + {@code value}, FHIR DiagnosticReport.identifier or the member report number of a file row), which
 * makes a resubmission return the report already recorded. {@code report.itemCode} is a catalogue code or the
 * performer's own code mapped to one. A PACS may send the imaging study the report describes ({@code study}, decision
 * 0238); its study address is then the report's {@code studyUrl}.
 */
public record ImportReport(@Nullable RecordReport report, @Nullable String identifierSystem, @Nullable String identifierValue,
                           @Nullable ReportStudy study) {

    public ImportReport(@Nullable RecordReport report, @Nullable String identifierSystem, @Nullable String identifierValue) {
        this(report, identifierSystem, identifierValue, null);
    }
}
