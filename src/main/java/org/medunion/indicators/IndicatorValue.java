package org.medunion.indicators;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * One indicator for one subject and period, always with what it was computed from.
 *
 * @param subject       institution or consortium UUID, or a GB/T 2260 district code
 * @param end           exclusive
 * @param value         numerator ÷ denominator; null ("no data") when the denominator is zero
 * @param sourceRecords encounter facts behind the day rows summed
 * @param computedAt    newest recomputation of the day rows summed; null when there are none
 * @param target        the jurisdiction's target, when its pack sets one for this indicator
 */
public record IndicatorValue(String indicator, Level level, String subject, String subjectName, String period,
                             LocalDate start, LocalDate end, BigDecimal numerator, BigDecimal denominator,
                             @Nullable BigDecimal value, long sourceRecords, @Nullable Instant computedAt,
                             @Nullable Target target) {

    public boolean noData() {
        return value == null;
    }

    /**
     * @param clause  the seed clause, verbatim
     * @param applies whether the subject's jurisdiction applies the rule's pack (else informative only)
     * @param met     null when there is no value to compare
     */
    public record Target(String ruleId, String parameter, String comparison, BigDecimal value, boolean applies,
                         String clause, @Nullable Boolean met) {
    }
}
