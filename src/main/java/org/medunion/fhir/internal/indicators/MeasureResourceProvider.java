package org.medunion.fhir.internal.indicators;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Measure;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Pages;
import org.medunion.indicators.Indicator;
import org.medunion.policy.PolicyThresholds;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * FHIR Measure: the definition of every indicator MedUnion computes; no personal data. {@code $evaluate-measure} reports
 * one indicator of a subject for a period, as a summary or with its records ({@link MeasureEvaluation}).
 */
@Component
public class MeasureResourceProvider implements IResourceProvider {

    private final MessageSource messages;
    private final PolicyThresholds thresholds;
    private final MeasureEvaluation evaluation;

    MeasureResourceProvider(MessageSource messages, PolicyThresholds thresholds, MeasureEvaluation evaluation) {
        this.messages = messages;
        this.thresholds = thresholds;
        this.evaluation = evaluation;
    }

    @Override
    public Class<Measure> getResourceType() {
        return Measure.class;
    }

    @Read
    public Measure read(@IdParam IdType id) {
        return Indicator.byId(id.getIdPart()).filter(i -> i.id().equals(id.getIdPart()))
                .map(i -> IndicatorToMeasureMapper.measure(i, messages, thresholds))
                .orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** The parameters of R4's {@code Measure/[id]/$evaluate-measure}; {@code reportType} population or subject-list. */
    @Operation(name = "$evaluate-measure", idempotent = true)
    public MeasureReport evaluate(@IdParam IdType id,
                                  @OperationParam(name = "periodStart") @Nullable DateType periodStart,
                                  @OperationParam(name = "periodEnd") @Nullable DateType periodEnd,
                                  @OperationParam(name = "subject") @Nullable StringType subject,
                                  @OperationParam(name = "reportType") @Nullable CodeType reportType) {
        Indicator indicator = Indicator.byId(id.getIdPart()).filter(i -> i.id().equals(id.getIdPart()))
                .orElseThrow(() -> new ResourceNotFoundException(id));
        return evaluation.evaluate(indicator, subject == null ? null : subject.getValue(), periodStart, periodEnd,
                reportType == null ? null : reportType.getValue());
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Measure.SP_IDENTIFIER) @Nullable TokenParam identifier,
                                  @OptionalParam(name = Measure.SP_URL) @Nullable UriParam url,
                                  @Count @Nullable Integer count, @Offset @Nullable Integer offset) {
        List<Measure> all = Arrays.stream(Indicator.values())
                .filter(i -> identifier == null || identifier.isEmpty() || matches(identifier, i))
                .filter(i -> url == null || url.isEmpty() || IndicatorFhir.canonical(i).equals(url.getValue()))
                .map(i -> IndicatorToMeasureMapper.measure(i, messages, thresholds)).toList();
        return Pages.slice(Pages.request(count, offset), all);
    }

    private static boolean matches(TokenParam identifier, Indicator indicator) {
        boolean system = identifier.getSystem() == null || identifier.getSystem().isBlank()
                || IndicatorFhir.ID_INDICATOR.equals(identifier.getSystem());
        return system && indicator.id().equals(identifier.getValue());
    }
}
