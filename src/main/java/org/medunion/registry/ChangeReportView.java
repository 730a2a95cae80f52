package org.medunion.registry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * 医疗联合体建设报告表 — the immutable record each creation, adjustment or dissolution of a consortium
 * relation produces (SH-10). {@code snapshot} is the consortium as it stood after the change (JSON).
 *
 * @param number               human-readable sequence, e.g. {@code CR-2026-000123}
 * @param reportingInstitution the municipal hospital (or lead) that reports
 * @param recipients           the owner body and the municipal commission
 */
public record ChangeReportView(UUID id, String number, ConsortiumId consortiumId, String consortiumName,
                               ChangeType changeType, @Nullable InstitutionId reportingInstitution, List<String> recipients,
                               String summary, String snapshot, @Nullable Instant reportedAt, String reportedBy) {
}
