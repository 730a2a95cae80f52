package org.medunion.diagnostics;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A report (FHIR DiagnosticReport): status, performer, result date, critical flag, the recognition mark its
 * performer's QC gave on the result date (NAT-R-3), the physician's conclusion (shown, never "recognised",
 * NAT-R-1), a study reference (viewer URL or WADO-RS endpoint: images stay at the centre), its observations and,
 * when a PACS sent it, the imaging study's figures ({@code study}, decision 0238).
 */
public record ReportView(ReportId id, UUID residentId, String itemCode, String itemName, ItemKind kind,
                         UUID performerInstitutionId, String performerName, @Nullable UUID orderId, ReportStatus status,
                         LocalDate resultDate, boolean critical, @Nullable String recognitionMark,
                         @Nullable String conclusion, @Nullable String studyUrl, List<Observation> observations,
                         Instant recordedAt, long version, @Nullable ReportStudy study) {
}
