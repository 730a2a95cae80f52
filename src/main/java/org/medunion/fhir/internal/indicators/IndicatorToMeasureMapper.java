package org.medunion.fhir.internal.indicators;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.RelatedArtifact;
import org.hl7.fhir.r4.model.StringType;
import org.medunion.indicators.Indicator;
import org.medunion.policy.PolicyThresholds;
import org.springframework.context.MessageSource;

/**
 * An indicator as a FHIR Measure: identifier I-xx, scoring, improvement notation, one group for the headline and one per
 * part (e.g. I-28 uptake, I-29 priority drugs) with numerator and denominator populations described in words; the target as
 * the pack's default (a jurisdiction's override shows on its MeasureReports) with the clause it comes from.
 */
final class IndicatorToMeasureMapper {

    private IndicatorToMeasureMapper() {
    }

    static Measure measure(Indicator indicator, MessageSource messages, PolicyThresholds thresholds) {
        var m = new Measure();
        m.setId(indicator.id());
        m.setUrl(IndicatorFhir.canonical(indicator));
        m.addIdentifier().setSystem(IndicatorFhir.ID_INDICATOR).setValue(indicator.id());
        m.setName(indicator.name());
        m.setTitle(indicator.id() + " " + IndicatorFhir.text(messages, "indicators.name." + indicator.id()));
        m.setStatus(Enumerations.PublicationStatus.ACTIVE);
        m.setPublisher("MedUnion");
        m.setScoring(new CodeableConcept(new Coding(IndicatorFhir.SCORING, IndicatorFhir.scoring(indicator), null)));
        String improvement = IndicatorFhir.improvement(indicator);
        if (improvement != null) {
            m.setImprovementNotation(new CodeableConcept(new Coding(IndicatorFhir.IMPROVEMENT, improvement, null)));
        }
        var headline = group(m, indicator.id(), "indicators.def." + indicator.id(), messages);
        String rule = indicator.targetRule();
        String parameter = indicator.targetParameter();
        if (rule != null && parameter != null && indicator.comparison() != null) {
            String clause = thresholds.clause(rule);
            headline.addExtension(target(rule, parameter, indicator.comparison().name(),
                    thresholds.threshold(rule, parameter, null).decimal().stripTrailingZeros().toPlainString(), clause));
            m.addRelatedArtifact().setType(RelatedArtifact.RelatedArtifactType.CITATION).setLabel(rule).setCitation(clause);
        }
        for (String part : indicator.parts()) {
            var g = group(m, part, "indicators.def." + indicator.id() + "." + part, messages);
            g.setDescription(IndicatorFhir.text(messages, "indicators.part." + indicator.id() + "." + part) + "。" + g.getDescription());
        }
        return m;
    }

    /**
     * The definition in words. No {@code population} entries: R4 requires each to carry a machine-readable criteria
     * expression, and the computation is SQL in the indicators module, not CQL or FHIRPath — a made-up expression would
     * mislead. The reports carry the numerator and denominator populations with their counts.
     */
    private static Measure.MeasureGroupComponent group(Measure m, String code, String definition, MessageSource messages) {
        var g = m.addGroup();
        g.setCode(new CodeableConcept(new Coding(IndicatorFhir.ID_INDICATOR, code, null)));
        g.setDescription(IndicatorFhir.text(messages, "indicators.def.fraction", IndicatorFhir.text(messages, definition + ".numerator"),
                IndicatorFhir.text(messages, definition + ".denominator")));
        return g;
    }

    /** The target extension: rule, parameter, comparator, value and clause; {@code applies} and {@code met} on reports. */
    static Extension target(String rule, String parameter, String comparison, String value, String clause) {
        var e = new Extension(IndicatorFhir.EXT_TARGET);
        e.addExtension("rule", new StringType(rule));
        e.addExtension("parameter", new StringType(parameter));
        e.addExtension("comparator", new StringType(comparison));
        e.addExtension("value", new DecimalType(value));
        e.addExtension("clause", new StringType(clause));
        return e;
    }
}
