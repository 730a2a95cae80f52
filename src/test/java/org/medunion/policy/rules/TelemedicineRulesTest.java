package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.policy.rules.ConsortiumFixture.CHANGNING;
import static org.medunion.policy.rules.ConsortiumFixture.TODAY;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.policy.ConsultationEvidenceSource.ConsultationEvidence;
import org.medunion.policy.ConsultationEvidenceSource.Fees;
import org.medunion.policy.ConsultationEvidenceSource.LiveSession;
import org.medunion.policy.ConsultationEvidenceSource.Requests;
import org.medunion.policy.ReferralEvidenceSource;
import org.medunion.registry.AgreementType;

/** Pack TM rules evaluated over the snapshot from the consultation module's data: TM-13 and TM-15 on both sides. */
class TelemedicineRulesTest {

    private static ConsultationEvidenceSource source(Map<UUID, Fees> fees) {
        return day -> new ConsultationEvidence(fees, Map.of());
    }

    /** 长宁's regional consortium with a signed telemedicine agreement between its lead and its municipal member. */
    private static ConsortiumFixture changning() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        f.agreement(f.consortia.get(0), AgreementType.COOPERATION, TODAY.minusYears(1), null, true, "远程会诊", f.institutions.get(0),
                f.institutions.get(1));
        return f;
    }

    private static List<Finding> tm13(ConsortiumFixture f) {
        return f.evaluateAll(new RuleCatalogue().rule("TM-13").orElseThrow());
    }

    private static List<Finding> inChangning(List<Finding> findings) {
        return findings.stream().filter(x -> CHANGNING.equals(x.subject().divisionCode())).toList();
    }

    @Test
    void TM13_everyConsultationUnderAFeeCarriesItsPriceItem_passes() {
        var f = changning();
        f.consultations = source(Map.of(f.agreements.get(0).id(), new Fees(3, List.of())));
        assertThat(inChangning(tm13(f))).isEmpty();
        assertThat(new RuleCatalogue().rule("TM-13").orElseThrow().coverage()).isEqualTo(Coverage.EVALUATED);
    }

    @Test
    void TM13_oneConsultationClosedWithoutItsPriceItemIsReportedByNumber() {
        var f = changning();
        f.consultations = source(Map.of(f.agreements.get(0).id(), new Fees(3, List.of("HZ2026000007"))));
        assertThat(inChangning(tm13(f))).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.aspect()).isEqualTo("uncharged");
            assertThat(x.subject().type()).isEqualTo(SubjectType.CONSORTIUM);
            assertThat(x.evidence()).contains("HZ2026000007");
            assertThat(x.args()).contains("1");
        });
    }

    @Test
    void TM13_noConsultationClosedUnderAFeeIsNoData_neverAPass() {
        var f = changning();
        f.consultations = source(Map.of());
        assertThat(inChangning(tm13(f))).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
            assertThat(x.subject().type()).isEqualTo(SubjectType.DISTRICT);
        });
        // an agreement whose consultations were all free (due 0) is no evidence either
        f.consultations = source(Map.of(f.agreements.get(0).id(), new Fees(0, List.of())));
        assertThat(inChangning(tm13(f))).extracting(Finding::status).containsExactly(FindingStatus.NO_DATA);
        // without the consultation module: NO_DATA per jurisdiction
        f.consultations = null;
        assertThat(tm13(f)).isNotEmpty().allSatisfy(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
            assertThat(x.subject().type()).isEqualTo(SubjectType.JURISDICTION);
        });
    }

    @Test
    void TM13_readsTheEvidenceAsOfTheEvaluationDay() {
        var f = changning();
        LocalDate[] asked = new LocalDate[1];
        UUID agreement = f.agreements.get(0).id();
        f.consultations = day -> {
            asked[0] = day;
            return new ConsultationEvidence(Map.of(agreement, new Fees(1, List.of())), Map.of());
        };
        new RuleCatalogue().rule("TM-13").orElseThrow().evaluate(f.snapshot(TODAY.minusDays(30)), Parameters.defaults());
        assertThat(asked[0]).isEqualTo(TODAY.minusDays(30));
    }

    /** 长宁 with an east zone backed by the lead hospital and the municipal member mapped to it (as a nursing home would be). */
    private static ConsortiumFixture zoned(Function<UUID, Map<UUID, Requests>> requestsOf) {
        var f = changning();
        UUID backing = f.institutions.get(0).id().value();
        UUID home = f.institutions.get(1).id().value();
        Map<UUID, Requests> requests = requestsOf.apply(home);
        f.referralData(Map.of(), Map.of(), Map.of(), List.of(new ReferralEvidenceSource.Zone(CHANGNING, "EAST", backing,
                List.of(home))), List.of(), List.of(), List.of());
        f.consultations = day -> new ConsultationEvidence(Map.of(), Map.of(), requests);
        return f;
    }

    private static List<Finding> tm15(ConsortiumFixture f) {
        return inChangning(f.evaluateAll(new RuleCatalogue().rule("TM-15").orElseThrow()));
    }

    @Test
    void TM15_aZoneMembersRequestsAllToItsBackingHospital_pass() {
        assertThat(tm15(zoned(home -> Map.of(home, new Requests(2, List.of()))))).isEmpty();
        assertThat(new RuleCatalogue().rule("TM-15").orElseThrow().coverage()).isEqualTo(Coverage.EVALUATED);
    }

    @Test
    void TM15_aRequestPastTheZonesHospitalIsReportedByNumber() {
        var f = zoned(home -> Map.of(home, new Requests(2, List.of("TC-2026-000042"))));
        // the finding is the requesting institution's (this fixture's member sits in the municipal division)
        var findings = f.evaluateAll(new RuleCatalogue().rule("TM-15").orElseThrow());
        assertThat(findings.stream().filter(x -> x.status() == FindingStatus.OPEN).toList()).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.aspect()).isEqualTo("departed");
            assertThat(x.subject().type()).isEqualTo(SubjectType.INSTITUTION);
            assertThat(x.evidence()).contains("TC-2026-000042");
        });
    }

    @Test
    void TM15_noRequestFromAZoneMemberOrNoModuleIsNoData_neverAPass() {
        assertThat(tm15(zoned(home -> Map.of()))).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
            assertThat(x.subject().type()).isEqualTo(SubjectType.DISTRICT);
        });
        var f = zoned(home -> Map.of());
        f.consultations = null;
        assertThat(f.evaluateAll(new RuleCatalogue().rule("TM-15").orElseThrow())).isNotEmpty()
                .allSatisfy(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
    }

    /** 长宁 with live sessions held by the lead institution (the inviting side here), physicians present as given. */
    private static ConsortiumFixture withSessions(List<LiveSession> sessions) {
        var f = changning();
        UUID inviter = f.institutions.get(0).id().value();
        f.consultations = day -> new ConsultationEvidence(Map.of(), Map.of(), Map.of(), Map.of(inviter, sessions));
        return f;
    }

    private static List<Finding> tm6(ConsortiumFixture f) {
        return f.evaluateAll(new RuleCatalogue().rule("TM-6").orElseThrow());
    }

    @Test
    void TM6_everyLiveSessionWithAnInvitingPhysician_passes() {
        var f = withSessions(List.of(new LiveSession("TC-2026-000001", 1), new LiveSession("TC-2026-000002", 2)));
        assertThat(tm6(f).stream().filter(x -> x.status() != FindingStatus.NO_DATA || CHANGNING.equals(x.subject().divisionCode())))
                .isEmpty();
        assertThat(new RuleCatalogue().rule("TM-6").orElseThrow().coverage()).isEqualTo(Coverage.EVALUATED);
    }

    @Test
    void TM6_aLiveSessionWithoutAnInvitingPhysicianIsReportedByNumber() {
        var f = withSessions(List.of(new LiveSession("TC-2026-000001", 1), new LiveSession("TC-2026-000003", 0)));
        assertThat(tm6(f).stream().filter(x -> x.status() == FindingStatus.OPEN).toList()).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.aspect()).isEqualTo("absent");
            assertThat(x.evidence()).contains("TC-2026-000003").doesNotContain("TC-2026-000001");
        });
    }

    @Test
    void TM6_noLiveSessionOrNoModuleIsNoData_neverAPass() {
        assertThat(inChangning(tm6(withSessions(List.of())))).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
        var f = withSessions(List.of());
        f.consultations = null;
        assertThat(tm6(f)).isNotEmpty().allSatisfy(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
    }

    @Test
    void oneEvaluationOfTm6Tm13Tm15AndCn3ReadsTheConsultationTablesOnce() {
        var f = zoned(home -> Map.of(home, new Requests(1, List.of())));
        var reads = new AtomicInteger();
        ConsultationEvidenceSource tables = Objects.requireNonNull(f.consultations);
        f.consultations = ConsultationEvidenceSource.readOnce(day -> {
            reads.incrementAndGet();
            return tables.evidence(day);
        });
        var snapshot = f.snapshot();
        for (String rule : List.of("TM-6", "TM-13", "TM-15", "CN-3")) {
            new RuleCatalogue().rule(rule).orElseThrow().evaluate(snapshot, Parameters.defaults());
        }
        assertThat(reads).hasValue(1);
        assertThat(ConsultationEvidenceSource.readOnce(null)).isNull();
    }
}
