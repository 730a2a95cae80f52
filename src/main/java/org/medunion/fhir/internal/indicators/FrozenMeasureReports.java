package org.medunion.fhir.internal.indicators;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TimeZone;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Systems;
import org.medunion.indicators.AssessmentId;
import org.medunion.indicators.AssessmentKind;
import org.medunion.indicators.AssessmentManagement;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.PackLabels;
import org.medunion.indicators.Snapshot;
import org.medunion.policy.PolicyReadings.PackVersion;
import org.medunion.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Frozen assessments as MeasureReports (decision 0264): one summary report per indicator of the snapshot, read from the
 * assessment's own rows, so later encounters never change it — {@code assessment-<uuid>.I-5}. Readers as for the
 * assessment (the planner of the jurisdiction, the consortium's office, the administrator; other roles 403, outside the
 * scope 404); an assessment not frozen yet has no report.
 */
@Component
class FrozenMeasureReports {

    static final String PREFIX = "assessment-";
    static final String ID_ASSESSMENT = "https://medunion.example/id/assessment";
    /** On MeasureReport: the assessment the values were frozen for — {@code id}, {@code kind}, {@code frozenAt}. */
    static final String EXT_ASSESSMENT = Systems.EXTENSION + "assessment";
    /** On MeasureReport, one per pack: {@code pack}, {@code version} (content hash), {@code release}, {@code label}. */
    static final String EXT_RULE_PACK = Systems.EXTENSION + "assessment-rule-pack";
    private static final Pattern ID = Pattern.compile(PREFIX + "([0-9a-fA-F-]{36})\\.(I-\\d+)");

    private final AssessmentManagement assessments;
    private final MessageSource messages;

    FrozenMeasureReports(AssessmentManagement assessments, MessageSource messages) {
        this.assessments = assessments;
        this.messages = messages;
    }

    static boolean isFrozenId(String id) {
        return id.startsWith(PREFIX);
    }

    Optional<MeasureReport> read(String id) {
        var m = ID.matcher(id);
        if (!m.matches()) {
            return Optional.empty();
        }
        AssessmentView a = frozen(UUID.fromString(m.group(1)));
        Snapshot s = snapshot(a);
        return s.value(m.group(2)).flatMap(v -> report(a, s, v));
    }

    /**
     * {@code assessment}: the assessment's ID, or a kind (baseline, annual, final) of the frozen assessments of
     * {@code subject}; {@code year} narrows to one period.
     */
    List<MeasureReport> search(TokenParam assessment, @Nullable UUID subject, @Nullable Integer year, @Nullable String measure) {
        String token = assessment.getValue() == null ? "" : assessment.getValue().strip();
        List<AssessmentView> found;
        UUID id = uuid(token);
        if (id != null) {
            AssessmentView a = frozen(id);
            found = List.of(a);
        } else {
            AssessmentKind kind = kind(token);
            if (subject == null) {
                throw new InvalidRequestException("subject: required with assessment=" + token);
            }
            found = assessments.assessments(subject).stream().filter(a -> a.frozen() && a.kind() == kind)
                    .map(a -> assessments.assessment(a.id())).toList();
        }
        return found.stream()
                .filter(a -> subject == null || a.consortiumId().equals(subject))
                .filter(a -> year == null || a.year() == year)
                .flatMap(a -> {
                    Snapshot s = snapshot(a);
                    return s.values().stream().filter(v -> measure == null || v.indicator().equals(measure))
                            .map(v -> report(a, s, v)).flatMap(Optional::stream);
                }).toList();
    }

    private AssessmentView frozen(UUID id) {
        AssessmentView a = assessments.assessment(new AssessmentId(id));
        if (!a.frozen() || a.snapshot() == null) {
            throw new NotFoundException("MeasureReport", PREFIX + id);
        }
        return a;
    }

    private static Snapshot snapshot(AssessmentView a) {
        Snapshot s = a.snapshot();
        if (s == null) {
            throw new NotFoundException("MeasureReport", PREFIX + a.id());
        }
        return s;
    }

    private Optional<MeasureReport> report(AssessmentView a, Snapshot s, IndicatorValue v) {
        return Indicator.byId(v.indicator()).map(indicator -> {
            MeasureReport r = IndicatorToMeasureReportMapper.report(indicator, v);
            r.setId(PREFIX + a.id() + "." + v.indicator());
            r.addIdentifier().setSystem(ID_ASSESSMENT).setValue(a.id() + "." + v.indicator());
            r.setDateElement(new DateTimeType(Date.from(s.takenAt()), TemporalPrecisionEnum.SECOND,
                    TimeZone.getTimeZone("Asia/Shanghai")));
            Extension e = r.addExtension().setUrl(EXT_ASSESSMENT);
            e.addExtension("id", new StringType(a.id().toString()));
            e.addExtension("kind", new CodeType(a.kind().name().toLowerCase(Locale.ROOT)));
            e.addExtension("frozenAt", r.getDateElement().copy());
            for (PackVersion p : s.packs()) {
                Extension pack = r.addExtension().setUrl(EXT_RULE_PACK);
                pack.addExtension("pack", new CodeType(p.pack()));
                pack.addExtension("version", new StringType(p.version()));
                pack.addExtension("release", new IntegerType(s.release(p.pack())));
                pack.addExtension("label", new StringType(PackLabels.label(messages, IndicatorFhir.ZH, p, s.release(p.pack()))));
            }
            return r;
        });
    }

    private static @Nullable UUID uuid(String token) {
        try {
            return token.length() == 36 ? UUID.fromString(token) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static AssessmentKind kind(String token) {
        try {
            return AssessmentKind.valueOf(token.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("assessment: an assessment ID or baseline, annual, final");
        }
    }
}
