package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;

/**
 * CQ-4 and CQ-9 judged from indicator I-12 year on year (1 January to the as-of day against the same days a year before):
 * a share at or above last year's is a finding, a lower one none; a year without a value is NO_DATA naming that year;
 * CQ-4 asks about the group's tertiary hospitals, CQ-9 about its primary institutions with CQ-9's {returnDays}.
 */
class SiphoningTrendPolicyTest {

    private static final String DISTRICT = "310105";
    private static final LocalDate THIS_YEAR = LocalDate.of(2026, 1, 1);
    private static final LocalDate LAST_YEAR = LocalDate.of(2025, 1, 1);

    private final ConsortiumFixture f = new ConsortiumFixture();
    private final InstitutionView lead;
    private final InstitutionView centre;
    private final List<Object[]> asked = new ArrayList<>();

    SiphoningTrendPolicyTest() {
        var grid = f.grid(DISTRICT, 500_000);
        lead = f.inGrid(f.municipalGeneral("重庆市第一人民医院", DISTRICT), grid.id());
        centre = f.inGrid(f.communityCentre("社区卫生服务中心", DISTRICT), grid.id());
        var district = f.inGrid(f.districtHospital("区人民医院", DISTRICT, false), grid.id());
        f.consortium("重庆市一医疗集团", ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, DISTRICT,
                List.of(grid.id()), List.of("HR", "FINANCE", "IT", "PHARMACY"), true, true,
                new Object[] {lead, MembershipRole.LEAD}, new Object[] {centre, MembershipRole.MEMBER},
                new Object[] {district, MembershipRole.MEMBER});
    }

    /** Shares by the first day of the span asked for: this year's and last year's. */
    private void shares(Map<LocalDate, IndicatorEvidenceSource.Share> byStart) {
        f.indicators = new IndicatorEvidenceSource() {

            @Override
            public HospitalFigures hospitalFigures(UUID institutionId, LocalDate from, LocalDate to) {
                return new HospitalFigures(0, 0, 0, 0, 0);
            }

            @Override
            public Optional<Share> chronicAtTertiary(Collection<UUID> institutions, LocalDate from, LocalDate to) {
                asked.add(new Object[] {"CQ-4", List.copyOf(institutions), from, to});
                return Optional.ofNullable(byStart.get(from));
            }

            @Override
            public Optional<Share> notReferredBack(Collection<UUID> institutions, LocalDate from, LocalDate to, int days) {
                asked.add(new Object[] {"CQ-9", List.copyOf(institutions), from, to, days});
                return Optional.ofNullable(byStart.get(from));
            }
        };
    }

    private static IndicatorEvidenceSource.Share share(long n, long d) {
        return new IndicatorEvidenceSource.Share(n, d);
    }

    private Rule rule(String id) {
        return new RuleCatalogue().rule(id).orElseThrow();
    }

    @Test
    void CQ4_chronicShareAtTertiaryHospitalsMustFall_bothSidesOfLastYearsShare() {
        shares(Map.of(THIS_YEAR, share(29, 100), LAST_YEAR, share(30, 100))); // 29 % < 30 %: falling, no finding
        assertThat(f.evaluate(rule("CQ-4"))).isEmpty();
        assertThat(asked.get(0)).containsExactly("CQ-4", List.of(lead.id().value()), THIS_YEAR, ConsortiumFixture.TODAY);
        assertThat(asked.get(1)).containsExactly("CQ-4", List.of(lead.id().value()), LAST_YEAR, ConsortiumFixture.TODAY.minusYears(1));

        shares(Map.of(THIS_YEAR, share(30, 100), LAST_YEAR, share(30, 100))); // equal: not falling
        var open = f.evaluate(rule("CQ-4"));
        assertThat(open).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("notFalling");
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.args()).contains("重庆市一医疗集团", "30.0%");
        });
    }

    @Test
    void CQ9_notReferredBackShareMustFall_bothSidesOfLastYearsShare_overThePrimaryInstitutionsWithReturnDays() {
        shares(Map.of(THIS_YEAR, share(1, 4), LAST_YEAR, share(1, 3))); // 25 % < 33.3 %
        assertThat(f.evaluate(rule("CQ-9"))).isEmpty();
        assertThat(asked.get(0)).containsExactly("CQ-9", List.of(centre.id().value()), THIS_YEAR, ConsortiumFixture.TODAY, 90);

        shares(Map.of(THIS_YEAR, share(2, 5), LAST_YEAR, share(1, 3))); // 40 % ≥ 33.3 %
        assertThat(f.evaluate(rule("CQ-9"))).singleElement()
                .satisfies(x -> assertThat(x.args()).contains("40.0%", "33.3%"));

        // a jurisdiction's own return window reaches the source
        asked.clear();
        f.evaluate(rule("CQ-9"), new Parameters(List.of(new Parameters.Override(DISTRICT, "CQ-9", "returnDays", "60"))));
        assertThat(asked.get(0)[4]).isEqualTo(60);
    }

    @Test
    void CQ4_CQ9_noDataNamingTheYearWithoutAValue_andPerJurisdictionWithoutTheModule() {
        for (String id : List.of("CQ-4", "CQ-9")) {
            f.indicators = null;
            assertThat(f.evaluateAll(rule(id))).as(id).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
                assertThat(x.subject().type()).isEqualTo(SubjectType.JURISDICTION);
            });
            shares(Map.of(THIS_YEAR, share(3, 10), LAST_YEAR, share(0, 0))); // last year: nothing counted
            assertThat(f.evaluateAll(rule(id))).as(id).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
                assertThat(x.evidence()).contains("2025-01-01…2025-11-23");
            });
            shares(Map.of(LAST_YEAR, share(3, 10))); // this year: the source cannot tell
            assertThat(f.evaluateAll(rule(id))).as(id).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
                assertThat(x.evidence()).contains("2026-01-01…2026-11-23");
            });
        }
    }
}
