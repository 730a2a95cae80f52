package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.policy.rules.ConsortiumFixture.CHANGNING;
import static org.medunion.policy.rules.ConsortiumFixture.TODAY;
import static org.medunion.policy.rules.ConsortiumFixture.XUHUI;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.policy.FamilyDoctorTeamSource.GroupCoverage;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;

/** CQ-10: the poverty group under contract, per district, from the residents module's counts (both sides of {share}). */
class PovertyContractCoverageTest {

    private static ConsortiumFixture with(Map<String, GroupCoverage> coverage) {
        var f = new ConsortiumFixture();
        f.teams = new FamilyDoctorTeamSource() {

            @Override
            public Map<InstitutionId, Set<PractitionerId>> teamSpecialists() {
                return Map.of();
            }

            @Override
            public Optional<Map<String, GroupCoverage>> povertyCoverage(LocalDate day) {
                assertThat(day).isEqualTo(TODAY);
                return Optional.of(coverage);
            }
        };
        return f;
    }

    @Test
    void CQ10_povertyGroupAllContractedPasses() {
        assertThat(with(Map.of(CHANGNING, new GroupCoverage(40, 40))).evaluate(new PovertyContractCoveragePolicy())).isEmpty();
    }

    @Test
    void CQ10_povertyGroupOneUncontractedIsAFindingWithCountsOnly() {
        var findings = with(Map.of(CHANGNING, new GroupCoverage(40, 39), XUHUI, new GroupCoverage(3, 3)))
                .evaluate(new PovertyContractCoveragePolicy());
        assertThat(findings).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("uncontracted");
            assertThat(x.subject().key()).isEqualTo(CHANGNING);
            assertThat(x.args()).containsExactly("长宁区", "39", "40", "1", "100.0%");
        });
    }

    @Test
    void CQ10_shareComesFromThePack_ninetyPercentOfTenNeedsNine() {
        var rule = new PovertyContractCoveragePolicy();
        var share = new Parameters(List.of(new Parameters.Override(CHANGNING, "CQ-10", "share", "0.9")));
        assertThat(rule.evaluate(with(Map.of(CHANGNING, new GroupCoverage(10, 9))).snapshot(), share)).isEmpty();
        assertThat(rule.evaluate(with(Map.of(CHANGNING, new GroupCoverage(10, 8))).snapshot(), share))
                .extracting(Finding::aspect).containsExactly("uncontracted");
    }

    @Test
    void CQ10_withoutTheResidentsModuleIsNoDataNotPassing() {
        var f = new ConsortiumFixture();
        assertThat(new PovertyContractCoveragePolicy().evaluate(f.snapshot(), Parameters.defaults()))
                .isNotEmpty().allSatisfy(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
    }
}
