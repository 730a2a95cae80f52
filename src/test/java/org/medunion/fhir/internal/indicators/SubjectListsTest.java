package org.medunion.fhir.internal.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DiagnosticsMeasures.CountedDecision;
import org.medunion.indicators.DecisionRecord;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.DrillDown.Counted;
import org.medunion.indicators.ReferralRecord;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralMeasures.CountedReferral;
import org.medunion.referral.ReferralStatus;
import org.medunion.support.FhirValidation;

/** How the records behind a value become a subject-list report's population lists, and which spans are periods. */
class SubjectListsTest {

    private static final Instant AT = Instant.parse("2026-03-10T02:00:00Z");

    @Test
    void aProportionsDenominatorHoldsTheNumeratorsRecordsToo_andNotCountedRecordsAreTheExclusion() {
        var drill = new DrillDown(List.of(), List.of(decision("CT 平扫", Counted.NUMERATOR), decision("血常规", Counted.DENOMINATOR),
                decision("MRI", Counted.NOT_COUNTED)), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
        var report = report("numerator", "denominator");
        SubjectLists.attach(report, "proportion", SubjectLists.records(drill), null);

        assertThat(shown(report, "numerator")).containsExactly("CT 平扫 · 区中心医院 · 2026-03-10");
        assertThat(shown(report, "denominator")).containsExactly("CT 平扫 · 区中心医院 · 2026-03-10",
                "血常规 · 区中心医院 · 2026-03-10");
        assertThat(shown(report, "denominator-exclusion")).containsExactly("MRI · 区中心医院 · 2026-03-10");
        assertThat(report.getGroupFirstRep().getPopulation()).extracting(p -> p.getSubjectResults().getReference())
                .containsExactly("#numerator", "#denominator", "#denominator-exclusion");
        FhirValidation.assertValid(FhirValidation.context().newJsonParser().encodeResourceToString(report));
    }

    @Test
    void aRatiosRecordsAreEitherNumeratorOrDenominator_referralsByNumber_andATruncatedListSaysSo() {
        var drill = DrillDown.ofReferrals(List.of(referral("R-1", ReferralDirection.DOWN, Counted.NUMERATOR),
                referral("R-2", ReferralDirection.UP, Counted.DENOMINATOR)));
        var report = report("numerator", "denominator");
        SubjectLists.attach(report, "ratio", SubjectLists.records(drill), "only the newest");

        var numerator = list(report, "numerator");
        assertThat(numerator.getEntry()).extracting(e -> e.getItem().getIdentifier().getValue()).containsExactly("R-1");
        assertThat(numerator.getEntryFirstRep().getItem().getIdentifier().getSystem()).isEqualTo("https://medunion.example/id/referral");
        assertThat(list(report, "denominator").getEntry()).extracting(e -> e.getItem().getIdentifier().getValue())
                .containsExactly("R-2");
        assertThat(numerator.getNoteFirstRep().getText()).isEqualTo("only the newest");
        assertThat(report.getContained()).as("no exclusion list without records kept out").hasSize(2);
        FhirValidation.assertValid(FhirValidation.context().newJsonParser().encodeResourceToString(report));
    }

    @Test
    void anEmptyPopulationIsAnEmptyListWithAReason_andACountsRecordsAreItsInitialPopulation() {
        var report = report("initial-population");
        SubjectLists.attach(report, "cohort", List.of(), null);
        assertThat(list(report, "initial-population").getEmptyReason().getCodingFirstRep().getCode()).isEqualTo("nilknown");
        assertThat(report.getContained()).hasSize(1);
        FhirValidation.assertValid(FhirValidation.context().newJsonParser().encodeResourceToString(report));
    }

    @Test
    void aPeriodIsAMonthAQuarterOrAYear_endInclusive() {
        assertThat(MeasureEvaluation.period(new DateType("2026-11-01"), new DateType("2026-11-30"))).isEqualTo("2026-11");
        assertThat(MeasureEvaluation.period(new DateType("2026-11"), null)).isEqualTo("2026-11");
        assertThat(MeasureEvaluation.period(new DateType("2026-02"), new DateType("2026-02"))).isEqualTo("2026-02");
        assertThat(MeasureEvaluation.period(new DateType("2026-04-01"), new DateType("2026-06-30"))).isEqualTo("2026-Q2");
        assertThat(MeasureEvaluation.period(new DateType("2026-10"), new DateType("2026-12"))).isEqualTo("2026-Q4");
        assertThat(MeasureEvaluation.period(new DateType("2026"), null)).isEqualTo("2026");
        assertThat(MeasureEvaluation.period(new DateType("2026-01-01"), new DateType("2026-12-31"))).isEqualTo("2026");
        for (var bad : List.of(new DateType[] {new DateType("2026-11-02"), new DateType("2026-11-30")},
                new DateType[] {new DateType("2026-11-01"), new DateType("2026-12-01")},
                new DateType[] {new DateType("2026-02-01"), new DateType("2026-04-30")},
                new DateType[] {new DateType("2026-11-05"), null})) {
            assertThatThrownBy(() -> MeasureEvaluation.period(bad[0], bad[1])).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("periodStart, periodEnd");
        }
        assertThatThrownBy(() -> MeasureEvaluation.period(null, null)).hasMessageContaining("periodStart: required");
    }

    private static MeasureReport report(String... populations) {
        var r = new MeasureReport();
        r.setStatus(MeasureReport.MeasureReportStatus.COMPLETE);
        r.setType(MeasureReport.MeasureReportType.SUBJECTLIST);
        r.setMeasure("https://medunion.example/fhir/Measure/I-24");
        r.getPeriod().setStartElement(new DateTimeType("2026-03-01"))
                .setEndElement(new DateTimeType("2026-03-31"));
        r.setSubject(new Reference("Organization/" + UUID.randomUUID()));
        var g = r.addGroup();
        for (String p : populations) {
            g.addPopulation().setCode(new CodeableConcept(new Coding(IndicatorFhir.POPULATION, p, null))).setCount(1);
        }
        return r;
    }

    private static ListResource list(MeasureReport report, String population) {
        return report.getContained().stream().map(ListResource.class::cast).filter(l -> l.getIdPart().equals(population))
                .findFirst().orElseThrow();
    }

    private static List<String> shown(MeasureReport report, String population) {
        return list(report, population).getEntry().stream().map(e -> e.getItem().getDisplay()).toList();
    }

    private static DecisionRecord decision(String item, Counted counted) {
        return new DecisionRecord(new CountedDecision(item, UUID.randomUUID(), AT, DecisionOutcome.RECOGNISED, null, BigDecimal.ONE),
                "区中心医院", counted);
    }

    private static ReferralRecord referral(String number, ReferralDirection direction, Counted counted) {
        return new ReferralRecord(new CountedReferral(number, direction, UUID.randomUUID(), UUID.randomUUID(),
                ReferralStatus.COMPLETED, AT, AT, AT, null, true), "社区中心", "区中心医院", counted);
    }
}
