package org.medunion.fhir.internal.indicators;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorsManagement;
import org.medunion.indicators.Level;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * {@code Measure/I-5/$evaluate-measure}: one indicator of an institution or consortium for a month, a quarter or a year,
 * as a summary report ({@code reportType=population}, the default) or with the records behind it
 * ({@code reportType=subject-list}, decision 0265). Values and records come from the indicators module's scoped,
 * audited queries, so a subject outside the caller's scope is refused there, as in REST and the console.
 */
@Component
class MeasureEvaluation {

    /** The newest records listed per report: the drill-down's own ceiling. */
    static final int LISTED = 1000;
    static final String POPULATION = "population";
    static final String SUBJECT_LIST = "subject-list";

    private final IndicatorsManagement indicators;
    private final RegistryDirectory registry;
    private final MessageSource messages;

    MeasureEvaluation(IndicatorsManagement indicators, RegistryDirectory registry, MessageSource messages) {
        this.indicators = indicators;
        this.registry = registry;
        this.messages = messages;
    }

    MeasureReport evaluate(Indicator indicator, @Nullable String subject, @Nullable DateType periodStart,
                           @Nullable DateType periodEnd, @Nullable String reportType) {
        String type = reportType == null || reportType.isBlank() ? POPULATION : reportType;
        if (!POPULATION.equals(type) && !SUBJECT_LIST.equals(type)) {
            throw new InvalidRequestException("reportType: population or subject-list (an indicator has no individual report)");
        }
        UUID id = subjectId(subject);
        Level level = level(id);
        if (level == null) {
            throw new ResourceNotFoundException(new IdType("Organization", id.toString()));
        }
        String period = period(periodStart, periodEnd);
        var report = IndicatorToMeasureReportMapper.report(indicator, indicators.value(indicator, level, id.toString(), period));
        if (SUBJECT_LIST.equals(type)) {
            report.setIdElement(null);
            report.setType(MeasureReport.MeasureReportType.SUBJECTLIST);
            List<SubjectLists.Entry> entries = indicator.fromEncounters()
                    ? SubjectLists.encounters(indicators.encounters(indicator, level, id.toString(), period, LISTED))
                    : SubjectLists.records(indicators.records(indicator, level, id.toString(), period, LISTED));
            String truncated = entries.size() >= LISTED
                    ? IndicatorFhir.text(messages, "indicators.fhir.subjectList.truncated", LISTED) : null;
            SubjectLists.attach(report, IndicatorFhir.scoring(indicator), entries, truncated);
        }
        return report;
    }

    /** The institution or consortium an indicator is reported for, or null. */
    @Nullable
    Level level(UUID id) {
        if (registry.institutionEntry(new InstitutionId(id)).isPresent()) {
            return Level.INSTITUTION;
        }
        return registry.consortiumEntry(new ConsortiumId(id)).isPresent() ? Level.CONSORTIUM : null;
    }

    private static UUID subjectId(@Nullable String subject) {
        String text = subject == null ? "" : subject.trim();
        String id = text.startsWith("Organization/") ? text.substring("Organization/".length()) : "";
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("subject: Organization/<id> of an institution or a consortium");
        }
    }

    /**
     * The indicator period the two dates span, inclusive: a month (2026-11-01..2026-11-30, or periodStart 2026-11 alone),
     * a quarter or a year (local days, Asia/Shanghai). Any other span is refused: values are kept per day and
     * summed per month, quarter and year.
     */
    static String period(@Nullable DateType periodStart, @Nullable DateType periodEnd) {
        if (periodStart == null || periodStart.isEmpty()) {
            throw new InvalidRequestException("periodStart: required (a month 2026-11, a quarter or a year)");
        }
        LocalDate start = first(periodStart);
        LocalDate end = periodEnd == null || periodEnd.isEmpty() ? last(periodStart) : last(periodEnd);
        if (start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1).minusDays(1))) {
            return String.format("%04d-%02d", start.getYear(), start.getMonthValue());
        }
        if (start.getDayOfMonth() == 1 && start.getMonthValue() % 3 == 1 && end.equals(start.plusMonths(3).minusDays(1))) {
            return start.getYear() + "-Q" + (start.getMonthValue() + 2) / 3;
        }
        if (start.getDayOfYear() == 1 && end.equals(start.plusYears(1).minusDays(1))) {
            return String.valueOf(start.getYear());
        }
        throw new InvalidRequestException("periodStart, periodEnd: a month, a quarter or a year, end inclusive"
                + " (2026-11-01 to 2026-11-30)");
    }

    private static LocalDate first(DateType d) {
        return switch (d.getPrecision()) {
            case YEAR -> LocalDate.of(d.getYear(), 1, 1);
            case MONTH -> LocalDate.of(d.getYear(), d.getMonth() + 1, 1);
            default -> LocalDate.of(d.getYear(), d.getMonth() + 1, d.getDay());
        };
    }

    private static LocalDate last(DateType d) {
        TemporalPrecisionEnum precision = d.getPrecision();
        LocalDate first = first(d);
        return switch (precision) {
            case YEAR -> first.plusYears(1).minusDays(1);
            case MONTH -> first.plusMonths(1).minusDays(1);
            default -> first;
        };
    }
}
