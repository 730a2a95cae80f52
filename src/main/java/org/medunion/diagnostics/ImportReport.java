package org.medunion.diagnostics;

import org.jspecify.annotations.Nullable;

/**
 * A report sent in by a performing member's HIS/LIS/PACS (result import): the report, and its identifier at the member
 * ({@code system} + {@code value}, FHIR DiagnosticReport.identifier or the member report number of a file row), which
 * makes a resubmission return the report already recorded. {@code report.itemCode} is a catalogue code or the
 * performer's own code mapped to one.
 */
public record ImportReport(@Nullable RecordReport report, @Nullable String identifierSystem, @Nullable String identifierValue) {
}
