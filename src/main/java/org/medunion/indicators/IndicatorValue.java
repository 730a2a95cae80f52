package org.medunion.indicators;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * @param parts         further fractions the indicator's definition reports with it (I-28's uptake, I-29's priority-drug
 *                      share); they have no target of their own
 */
public record IndicatorValue(String indicator, Level level, String subject, String subjectName, String period,
                             LocalDate start, LocalDate end, BigDecimal numerator, BigDecimal denominator,
                             @Nullable BigDecimal value, long sourceRecords, @Nullable Instant computedAt,
                             @Nullable Target target, List<Part> parts) {

    public IndicatorValue {
        parts = List.copyOf(parts);
    }

    public boolean noData() {
        return value == null;
    }

    /** A count (I-15): the value is the numerator, and there is no denominator to show. */
    public boolean countOnly() {
        return Indicator.byId(indicator).map(Indicator::isCount).orElse(false);
    }

    /** Whether the part is shown as a fraction (numerator / denominator); the medians and percentiles are hours. */
    public boolean fractionPart(String key) {
        return !Indicator.isHoursPart(key);
    }

    /**
     * @param clause  the seed clause, verbatim
     * @param applies whether the subject's jurisdiction applies the rule's pack (else informative only)
     * @param met     null when there is no value to compare
     */
    /**
     * @param key   names the part ({@code indicators.part.<indicator>.<key>} in the messages)
     * @param value numerator ÷ denominator; null when the denominator is zero
     */
    public record Part(String key, BigDecimal numerator, BigDecimal denominator, @Nullable BigDecimal value) {

        public static Part of(String key, long numerator, long denominator) {
            return new Part(key, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
                    denominator == 0 ? null
                            : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
        }
    }

    public record Target(String ruleId, String parameter, String comparison, BigDecimal value, boolean applies,
                         String clause, @Nullable Boolean met) {
    }
}
