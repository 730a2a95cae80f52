package org.medunion.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One encounter fact behind an indicator value, as a drill-down shows it: the resident is never named, only whether
 * one was reported ({@code resident} is {@code "***"} or null). {@code counted} says how the fact enters the value, so a
 * reader can recount it: I-1 a visit at a primary institution is in the numerator, any other visit in the denominator only;
 * I-4 a visit in the numerator, a discharge in the denominator; I-5 a discharge with a level-4 operation in the numerator;
 * I-6 and I-7 every discharge in both (bed-days or DRG weight over discharges).
 */
public record EncounterRow(String sourceRecordId, String institutionId, String institutionName, EncounterKind kind,
                           Instant occurredAt, @Nullable Instant admittedAt, int bedDays, int operations,
                           int level4Operations, @Nullable BigDecimal drgWeight, @Nullable String drgGroup,
                           @Nullable String principalDiagnosis,
                           @Nullable String resident, int revision, DrillDown.Counted counted) {
}
