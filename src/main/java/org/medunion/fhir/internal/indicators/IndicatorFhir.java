package org.medunion.fhir.internal.indicators;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.indicators.Indicator;
import org.springframework.context.MessageSource;

/**
 * What the indicator resources share (docs/fhir.md "Indicators"): the canonical URL of each Measure, the identifier
 * system, MedUnion's extensions and the definitions read from the indicators bundle (zh-CN first).
 */
final class IndicatorFhir {

    static final String ID_INDICATOR = "https://medunion.example/id/indicator";
    /** On Measure.group (the pack's default) and MeasureReport.group (the subject's jurisdiction, with {@code met}). */
    static final String EXT_TARGET = Systems.EXTENSION + "indicator-target";
    /** On MeasureReport: how many source records (encounters or prescriptions) the value was computed from. */
    static final String EXT_SOURCE_RECORDS = Systems.EXTENSION + "indicator-source-records";
    static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
    static final String SCORING = "http://terminology.hl7.org/CodeSystem/measure-scoring";
    static final String IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
    static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private IndicatorFhir() {
    }

    static String canonical(Indicator indicator) {
        return Systems.BASE + "/Measure/" + indicator.id();
    }

    /** The scoring of indicators-assessment.md (d): a ratio of two different units, an average per case, or a proportion. */
    static String scoring(Indicator indicator) {
        return switch (indicator) {
            case I_15 -> "cohort";
            case I_2, I_4, I_19 -> "ratio";
            case I_6, I_7, I_13, I_17, I_25 -> "continuous-variable";
            default -> "proportion";
        };
    }

    /** Which way is better, where the indicator's definition says so (I-14, I-27 and I-31 are reported without one). */
    static @Nullable String improvement(Indicator indicator) {
        return switch (indicator) {
            case I_4, I_6, I_12, I_13, I_17, I_24, I_33 -> "decrease";
            case I_14, I_27, I_31 -> null;
            default -> "increase";
        };
    }

    static String text(MessageSource messages, String key, Object... args) {
        String text = messages.getMessage(key, args, key, ZH);
        return text == null ? key : text;
    }
}
