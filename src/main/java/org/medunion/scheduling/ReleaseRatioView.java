package org.medunion.scheduling;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * Release ratios of one hospital for the half-open period [from, to) (indicators.md):
 * I-8 — reserved ÷ all slots (beds) published, per kind; I-9 — reserved slots booked through primary
 * care ÷ reserved slots. A ratio whose denominator is 0 has no value ("no data").
 *
 * @param examReservedUse reserved exam slots booked through primary care ÷ reserved exam slots (I-22's use, SC-4)
 * @param released        reserved slots released to the public pool unused
 */
public record ReleaseRatioView(InstitutionId institutionId, LocalDate from, LocalDate to, Ratio outpatient,
                               Ratio beds, Ratio exams, Ratio reservedUse, Ratio examReservedUse, long released,
                               ReservedShare outpatientMinimum, ReservedShare bedsMinimum) {

    /** NN-4 for outpatient slots: null when there is no data. */
    public @Nullable Boolean outpatientMeetsMinimum() {
        return outpatient.hasData() ? outpatientMinimum.isMetBy(outpatient.numerator(), outpatient.denominator()) : null;
    }

    /** NN-4 for beds: null when there is no data. */
    public @Nullable Boolean bedsMeetMinimum() {
        return beds.hasData() ? bedsMinimum.isMetBy(beds.numerator(), beds.denominator()) : null;
    }

    /** A fraction shown with its numerator and denominator. */
    public record Ratio(long numerator, long denominator) {

        public boolean hasData() {
            return denominator > 0;
        }

        /** The value, or null for "no data". */
        public @Nullable Double value() {
            return denominator == 0 ? null : (double) numerator / denominator;
        }
    }
}
