package org.medunion.fhir.internal.indicators;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

import org.jspecify.annotations.Nullable;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;

/**
 * One indicator value as a summary MeasureReport: the subject (institution or consortium) as an Organization, the
 * period with an inclusive end date, numerator and denominator counts, the value as the measure score, the source
 * records behind it, the jurisdiction's target with whether it is met, and one more group per part.
 */
final class IndicatorToMeasureReportMapper {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private IndicatorToMeasureReportMapper() {
    }

    /** {@code I-5.<subject>.<period>}: what a read needs to compute the value again. */
    static String id(IndicatorValue v) {
        return v.indicator() + "." + v.subject() + "." + v.period();
    }

    static MeasureReport report(Indicator indicator, IndicatorValue v) {
        var r = new MeasureReport();
        r.setId(id(v));
        r.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        r.setType(MeasureReport.MeasureReportType.SUMMARY);
        r.setMeasure(IndicatorFhir.canonical(indicator));
        r.setSubject(new Reference("Organization/" + v.subject()).setDisplay(v.subjectName()));
        if (v.computedAt() != null) {
            r.setDateElement(new DateTimeType(Date.from(v.computedAt()), TemporalPrecisionEnum.SECOND, TimeZone.getTimeZone(SHANGHAI)));
        }
        r.setPeriod(new Period().setStartElement(date(v.start())).setEndElement(date(v.end().minusDays(1))));
        String improvement = IndicatorFhir.improvement(indicator);
        if (improvement != null) {
            r.setImprovementNotation(new CodeableConcept(new Coding(IndicatorFhir.IMPROVEMENT, improvement, null)));
        }
        r.addExtension(IndicatorFhir.EXT_SOURCE_RECORDS, new IntegerType(Math.toIntExact(Math.min(v.sourceRecords(), Integer.MAX_VALUE))));
        var headline = v.countOnly() ? cohort(r, v.indicator(), v.numerator())
                : group(r, v.indicator(), v.numerator(), v.denominator(), v.value());
        var t = v.target();
        if (t != null) {
            var e = IndicatorToMeasureMapper.target(t.ruleId(), t.parameter(), t.comparison(), t.value().toPlainString(), t.clause());
            e.addExtension("applies", new BooleanType(t.applies()));
            if (t.met() != null) {
                e.addExtension("met", new BooleanType(t.met()));
            }
            headline.addExtension(e);
        }
        for (var p : v.parts()) {
            group(r, p.key(), p.numerator(), p.denominator(), p.value());
        }
        return r;
    }

    /** Counts go in the populations when they are whole numbers (I-7's numerator, a sum of DRG weights, is not). */
    private static MeasureReport.MeasureReportGroupComponent group(MeasureReport r, String code, BigDecimal numerator,
                                                                   BigDecimal denominator, @Nullable BigDecimal value) {
        var g = r.addGroup();
        g.setCode(new CodeableConcept(new Coding(IndicatorFhir.ID_INDICATOR, code, null)));
        population(g, "numerator", numerator);
        population(g, "denominator", denominator);
        if (value != null) {
            g.setMeasureScore(new Quantity().setValue(value));
        }
        return g;
    }

    /** A count (I-15, scoring cohort): the initial population is the value. */
    private static MeasureReport.MeasureReportGroupComponent cohort(MeasureReport r, String code, BigDecimal count) {
        var g = r.addGroup();
        g.setCode(new CodeableConcept(new Coding(IndicatorFhir.ID_INDICATOR, code, null)));
        population(g, "initial-population", count);
        g.setMeasureScore(new Quantity().setValue(count));
        return g;
    }

    private static void population(MeasureReport.MeasureReportGroupComponent g, String code, BigDecimal count) {
        if (count.stripTrailingZeros().scale() <= 0) {
            g.addPopulation().setCode(new CodeableConcept(new Coding(IndicatorFhir.POPULATION, code, null)))
                    .setCount(count.intValueExact());
        }
    }

    private static DateTimeType date(LocalDate day) {
        return new DateTimeType(day.toString());
    }
}
