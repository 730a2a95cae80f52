package org.medunion.fhir.internal.indicators;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Pages;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.Level;
import org.springframework.stereotype.Component;

/**
 * FHIR MeasureReport: indicator values of an institution or a consortium for a month or a year, computed by the
 * indicators module with its scope checks (a subject outside the caller's scope is 404 or 403, as in the REST API).
 * Counts only, no personal data. Search: {@code subject=Organization/<id>} and {@code period=2026-11} (or {@code 2026}),
 * optionally {@code measure=Measure/I-5}; read: {@code MeasureReport/I-5.<subject>.<period>}. Frozen assessments'
 * reports ({@link FrozenMeasureReports}): {@code assessment=<id>} and {@code MeasureReport/assessment-<id>.I-5}.
 */
@Component
public class MeasureReportResourceProvider implements IResourceProvider {

    /** Search parameter: the frozen assessment whose reports to return (its ID, or a kind with a subject). */
    static final String SP_ASSESSMENT = "assessment";
    private static final Pattern ID = Pattern.compile("(I-\\d+)\\.([0-9a-fA-F-]{36})\\.(\\d{4}(?:-\\d{2}|-Q[1-4])?)");

    private final IndicatorsManagement indicators;
    private final MeasureEvaluation evaluation;
    private final FrozenMeasureReports frozen;

    MeasureReportResourceProvider(IndicatorsManagement indicators, MeasureEvaluation evaluation, FrozenMeasureReports frozen) {
        this.indicators = indicators;
        this.evaluation = evaluation;
        this.frozen = frozen;
    }

    @Override
    public Class<MeasureReport> getResourceType() {
        return MeasureReport.class;
    }

    @Read
    public MeasureReport read(@IdParam IdType id) {
        if (FrozenMeasureReports.isFrozenId(id.getIdPart())) {
            return frozen.read(id.getIdPart()).orElseThrow(() -> new ResourceNotFoundException(id));
        }
        var m = ID.matcher(id.getIdPart());
        Indicator indicator = m.matches() ? Indicator.byId(m.group(1)).orElse(null) : null;
        if (indicator == null) {
            throw new ResourceNotFoundException(id);
        }
        UUID subject = UUID.fromString(m.group(2));
        Level level = level(subject);
        if (level == null) {
            throw new ResourceNotFoundException(id);
        }
        return IndicatorToMeasureReportMapper.report(indicator, indicators.value(indicator, level, subject.toString(), m.group(3)));
    }

    @Search
    public IBundleProvider search(@RequiredParam(name = MeasureReport.SP_SUBJECT) ReferenceParam subject,
                                  @RequiredParam(name = MeasureReport.SP_PERIOD) DateParam period,
                                  @OptionalParam(name = MeasureReport.SP_MEASURE) @Nullable ReferenceParam measure,
                                  @Count @Nullable Integer count, @Offset @Nullable Integer offset) {
        var request = Pages.request(count, offset);
        UUID id = organisation(subject);
        Level level = id == null ? null : level(id);
        if (id == null || level == null) {
            return Pages.of(request, List.of(), 0);
        }
        String label = label(period);
        List<MeasureReport> reports;
        if (measure != null && !measure.isEmpty()) {
            Indicator indicator = Indicator.byId(measure.getIdPart()).filter(i -> i.id().equals(measure.getIdPart())).orElse(null);
            reports = indicator == null ? List.of()
                    : List.of(IndicatorToMeasureReportMapper.report(indicator, indicators.value(indicator, level, id.toString(), label)));
        } else {
            reports = indicators.values(level, id.toString(), label).stream()
                    .map(v -> IndicatorToMeasureReportMapper.report(Indicator.byId(v.indicator()).orElseThrow(), v)).toList();
        }
        return Pages.slice(request, reports);
    }

    /**
     * The MeasureReports of frozen assessments (decision 0264): {@code assessment=<id>}, or {@code assessment=annual}
     * (baseline, final) with {@code subject}; {@code period} a year, {@code measure} one indicator.
     */
    @Search
    public IBundleProvider frozen(@RequiredParam(name = SP_ASSESSMENT) TokenParam assessment,
                                  @OptionalParam(name = MeasureReport.SP_SUBJECT) @Nullable ReferenceParam subject,
                                  @OptionalParam(name = MeasureReport.SP_PERIOD) @Nullable DateParam period,
                                  @OptionalParam(name = MeasureReport.SP_MEASURE) @Nullable ReferenceParam measure,
                                  @Count @Nullable Integer count, @Offset @Nullable Integer offset) {
        var request = Pages.request(count, offset);
        UUID consortium = subject == null || subject.isEmpty() ? null : organisation(subject);
        if (subject != null && !subject.isEmpty() && consortium == null) {
            return Pages.of(request, List.of(), 0);
        }
        Integer year = null;
        if (period != null && !period.isEmpty()) {
            String label = label(period);
            if (label.length() != 4) {
                throw new InvalidRequestException("period: an assessment's period is a year (2025)");
            }
            year = Integer.valueOf(label);
        }
        String indicator = measure == null || measure.isEmpty() ? null : measure.getIdPart();
        return Pages.slice(request, frozen.search(assessment, consortium, year, indicator));
    }

    private static @Nullable UUID organisation(ReferenceParam subject) {
        String type = subject.getResourceType();
        if (type != null && !"Organization".equals(type)) {
            return null;
        }
        try {
            return UUID.fromString(subject.getIdPart());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private @Nullable Level level(UUID id) {
        return evaluation.level(id);
    }

    /** A month ({@code 2026-11}) or a year ({@code 2026}), local time; a day or a range is not an indicator period. */
    private static String label(DateParam period) {
        if (period.getPrefix() != null && period.getPrefix() != ParamPrefixEnum.EQUAL
                || period.getValue() == null) {
            throw new InvalidRequestException("period: a month (2026-11) or a year (2026)");
        }
        LocalDate day = period.getValue().toInstant().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
        TemporalPrecisionEnum precision = period.getPrecision();
        return switch (precision) {
            case YEAR -> String.valueOf(day.getYear());
            case MONTH -> String.format("%04d-%02d", day.getYear(), day.getMonthValue());
            default -> throw new InvalidRequestException("period: a month (2026-11) or a year (2026)");
        };
    }
}
