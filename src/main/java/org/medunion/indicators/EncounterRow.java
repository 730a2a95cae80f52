package org.medunion.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One encounter fact behind an indicator value, as a drill-down shows it: the resident is never named, only whether
 * one was reported ({@code resident} is {@code "***"} or null).
 */
public record EncounterRow(String sourceRecordId, String institutionId, String institutionName, EncounterKind kind,
                           Instant occurredAt, @Nullable Instant admittedAt, int bedDays, int operations,
                           int level4Operations, @Nullable BigDecimal drgWeight, @Nullable String drgGroup,
                           @Nullable String principalDiagnosis,
                           @Nullable String resident, int revision) {
}
