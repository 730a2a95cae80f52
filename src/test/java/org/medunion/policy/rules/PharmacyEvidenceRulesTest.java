package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.policy.PharmacyEvidenceSource.Catalogue;
import org.medunion.policy.PharmacyEvidenceSource.PharmacyEvidence;
import org.medunion.policy.ReferralEvidenceSource;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;

/**
 * NN-8, NAT-6 and NAT-10 from the pharmacy module's evidence: each member's catalogue linked to the consortium formulary
 * at RX-14's share (95 % passes, 94.x % does not; a jurisdiction's override moves the line), prescriptions written and
 * flowing, referrals made.
 */
class PharmacyEvidenceRulesTest {

    private static final String CHANGNING = "310105";

    private final RuleCatalogue catalogue = new RuleCatalogue();
    private final ConsortiumFixture f = new ConsortiumFixture();
    private final InstitutionView lead;
    private final InstitutionView centre;

    PharmacyEvidenceRulesTest() {
        var grid = f.grid(CHANGNING, 693_000);
        lead = f.inGrid(f.municipalGeneral("市第一人民医院", CHANGNING), grid.id());
        centre = f.inGrid(f.communityCentre("社区中心", CHANGNING), grid.id());
        f.consortium("市一医疗集团", ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, CHANGNING,
                List.of(grid.id()), List.of("HR", "FINANCE", "IT", "PHARMACY"), true, true,
                new Object[] {lead, MembershipRole.LEAD}, new Object[] {centre, MembershipRole.MEMBER});
    }

    private void evidence(Catalogue leadCatalogue, @Nullable Catalogue centreCatalogue, long prescriptions, long flowed) {
        var catalogues = new java.util.HashMap<UUID, Catalogue>();
        if (leadCatalogue != null) {
            catalogues.put(lead.id().value(), leadCatalogue);
        }
        if (centreCatalogue != null) {
            catalogues.put(centre.id().value(), centreCatalogue);
        }
        f.pharmacy = new PharmacyEvidence(catalogues, Map.of(centre.id().value(), prescriptions), Map.of(centre.id().value(), flowed),
                Map.of());
    }

    private void referrals(long sent) {
        f.referrals = new ReferralEvidenceSource.ReferralEvidence(Map.of(centre.id().value(), sent), Map.of(), Map.of(), List.of(),
                List.of(), List.of(), List.of());
    }

    private NationalCriterion nat(String id) {
        return (NationalCriterion) catalogue.rule(id).orElseThrow();
    }

    @Test
    void NN8_ninetyFivePercentMappedPasses_lessOrNoCatalogueIsReportedPerMember() {
        var nn8 = catalogue.rule("NN-8").orElseThrow();
        evidence(new Catalogue(20, 19), new Catalogue(1000, 950), 0, 0);
        assertThat(f.evaluate(nn8)).isEmpty();
        evidence(new Catalogue(20, 19), new Catalogue(1000, 949), 0, 0);
        assertThat(f.evaluate(nn8)).singleElement().satisfies(x -> {
            assertThat(x.aspect()).startsWith("coverage@");
            assertThat(x.args()).contains("社区中心", "94.9%", "95.0%");
        });
        evidence(new Catalogue(20, 19), null, 0, 0);
        assertThat(f.evaluate(nn8)).singleElement().satisfies(x -> assertThat(x.aspect()).startsWith("unlinked@"));
        // the jurisdiction may set its own share on RX-14; NN-8 reads it from there
        evidence(new Catalogue(20, 19), new Catalogue(10, 9), 0, 0);
        assertThat(f.evaluate(nn8)).hasSize(1);
        var lower = new Parameters(List.of(new Parameters.Override(CHANGNING, "RX-14", "minCoverage", "0.9")));
        assertThat(f.evaluate(nn8, lower)).isEmpty();
        // without the pharmacy module: NO_DATA per urban group, never a silent pass
        f.pharmacy = null;
        assertThat(f.evaluateAll(nn8)).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
    }

    @Test
    void CQ5_prescriptionsOnThePlatformUpToSixtyDaysPass_longerOnesAreFoundPerInstitution() {
        var cq5 = catalogue.rule("CQ-5").orElseThrow();
        f.pharmacy = new PharmacyEvidence(Map.of(), Map.of(), Map.of(), Map.of(centre.id().value(), 60L, lead.id().value(), 28L));
        assertThat(f.evaluate(cq5)).isEmpty();
        f.pharmacy = new PharmacyEvidence(Map.of(), Map.of(), Map.of(), Map.of(centre.id().value(), 61L, lead.id().value(), 28L));
        assertThat(f.evaluate(cq5)).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("tooLong@" + centre.id().value());
            assertThat(x.args()).containsExactly("社区中心", "61", "60");
        });
        // a jurisdiction that lowers the limit to 56 days finds the 60-day one
        f.pharmacy = new PharmacyEvidence(Map.of(), Map.of(), Map.of(), Map.of(centre.id().value(), 60L));
        assertThat(f.evaluate(cq5, new Parameters(List.of(new Parameters.Override(CHANGNING, "CQ-5", "maxDays", "56"))))).hasSize(1);
        f.pharmacy = null;
        assertThat(f.evaluateAll(cq5)).singleElement().satisfies(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
    }

    @Test
    void NAT6_linkedCataloguesLeaveOnlyTheManualPart_aGapIsNotMet() {
        var group = f.consortia.get(0);
        assertThat(nat("NAT-6").assess(f.snapshot(), group).status()).isEqualTo(CriterionStatus.NO_DATA);
        evidence(new Catalogue(20, 20), new Catalogue(40, 38), 0, 0);
        var linked = nat("NAT-6").assess(f.snapshot(), group);
        assertThat(linked.status()).isEqualTo(CriterionStatus.NO_DATA);
        assertThat(linked.evidence()).contains("✓").contains("policy.term.manual");
        evidence(new Catalogue(20, 20), new Catalogue(40, 30), 0, 0);
        var gap = nat("NAT-6").assess(f.snapshot(), group);
        assertThat(gap.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(gap.evidence()).contains("社区中心", "30/40");
    }

    @Test
    void NAT10_formularyPrescriptionsFlowAndReferralsInUse_elseNotMet() {
        var group = f.consortia.get(0);
        evidence(new Catalogue(20, 20), new Catalogue(40, 40), 12, 3);
        assertThat(nat("NAT-10").assess(f.snapshot(), group).status()).as("without the referral module").isEqualTo(CriterionStatus.NO_DATA);
        referrals(5);
        var inUse = nat("NAT-10").assess(f.snapshot(), group);
        assertThat(inUse.status()).isEqualTo(CriterionStatus.NO_DATA);
        assertThat(inUse.evidence()).contains(" 12").contains(" 3").contains(" 5");
        evidence(new Catalogue(20, 20), new Catalogue(40, 40), 12, 0);
        var noFlow = nat("NAT-10").assess(f.snapshot(), group);
        assertThat(noFlow.status()).isEqualTo(CriterionStatus.NOT_MET);
        assertThat(noFlow.evidence()).contains("policy.term.prescriptionFlow");
    }
}
