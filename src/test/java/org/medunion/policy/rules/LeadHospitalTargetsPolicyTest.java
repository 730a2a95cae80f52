package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medunion.policy.IndicatorEvidenceSource.HospitalFigures;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipRole;

/**
 * NN-9 from the indicators module's sums of the lead hospital's encounters this year: each target on both sides of its
 * line (≤ 15 visits per discharge, ≥ 12 % level-4 operations, an average stay below 7.5 days), a jurisdiction's
 * override, and NO_DATA without the module, without discharges, and always for the targets the platform has no data for.
 */
class LeadHospitalTargetsPolicyTest {

    private static final String DISTRICT = "310105";

    private final Rule nn9 = new RuleCatalogue().rule("NN-9").orElseThrow();
    private final ConsortiumFixture f = new ConsortiumFixture();
    private final InstitutionView lead;
    private final InstitutionView district;
    private final List<LocalDate[]> asked = new ArrayList<>();

    LeadHospitalTargetsPolicyTest() {
        var grid = f.grid(DISTRICT, 500_000);
        lead = f.inGrid(f.municipalGeneral("南宁市第一人民医院", DISTRICT), grid.id());
        var centre = f.inGrid(f.communityCentre("社区卫生服务中心", DISTRICT), grid.id());
        district = f.inGrid(f.districtHospital("区人民医院", DISTRICT, false), grid.id());
        // a public-health body is a member but no hospital: it never counts for the recognition share
        var cdc = f.inGrid(f.institution("区疾病预防控制中心", org.medunion.registry.InstitutionCategory.PUBLIC_HEALTH,
                org.medunion.registry.HospitalLevel.SECONDARY, org.medunion.registry.Affiliation.DISTRICT, false, DISTRICT, false),
                grid.id());
        f.consortium("南宁市一医疗集团", ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, DISTRICT,
                List.of(grid.id()), List.of("HR", "FINANCE", "IT", "PHARMACY"), true, true,
                new Object[] {lead, MembershipRole.LEAD}, new Object[] {centre, MembershipRole.MEMBER},
                new Object[] {district, MembershipRole.MEMBER}, new Object[] {cdc, MembershipRole.MEMBER});
    }

    private void figures(long visits, long discharges, long operations, long level4, long bedDays) {
        f.indicators = (institution, from, to) -> {
            assertThat(institution).isEqualTo(lead.id().value());
            asked.add(new LocalDate[] {from, to});
            return new HospitalFigures(visits, discharges, operations, level4, bedDays);
        };
    }

    private List<String> aspects(Parameters p) {
        return f.evaluate(nn9, p).stream().map(Finding::aspect).toList();
    }

    @Test
    void eachTargetOnBothSidesOfItsLine_overTheYearToTheAsOfDay() {
        figures(150, 10, 100, 12, 74); // 15.0 per discharge, 12 %, 7.4 days: all met
        assertThat(aspects(Parameters.defaults())).isEmpty();
        assertThat(asked.get(0)).containsExactly(LocalDate.of(2026, 1, 1), ConsortiumFixture.TODAY);

        figures(151, 10, 100, 11, 75); // 15.1, 11 %, 7.5 days (not below 7.5): all missed
        var open = f.evaluate(nn9);
        assertThat(open).extracting(Finding::aspect).containsExactlyInAnyOrder("visitsPerDischarge", "level4SurgeryShare", "lengthOfStay");
        assertThat(open).allSatisfy(x -> assertThat(x.severity()).isEqualTo(Severity.TARGET));
        assertThat(open.stream().filter(x -> x.aspect().equals("level4SurgeryShare")).findFirst().orElseThrow().args())
                .contains("南宁市第一人民医院", "11.0%", "12.0%");

        // a jurisdiction may set its own line: a stay of 7.5 days meets "below 8"
        var override = new Parameters(List.of(new Parameters.Override(DISTRICT, "NN-9", "lengthOfStay", "8")));
        assertThat(aspects(override)).doesNotContain("lengthOfStay");
    }

    @Test
    void noDataWithoutTheModule_withoutDischarges_andAlwaysForTheTargetsWithoutPlatformData() {
        var all = f.evaluateAll(nn9);
        assertThat(all).extracting(Finding::aspect).containsExactlyInAnyOrder("unverified", "noData");
        assertThat(all).allSatisfy(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));

        figures(40, 0, 0, 0, 0);
        assertThat(f.evaluateAll(nn9)).extracting(Finding::aspect).containsExactlyInAnyOrder("unverified", "noData");

        figures(150, 10, 100, 12, 74);
        assertThat(f.evaluateAll(nn9)).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("unverified");
            assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
        });
    }

    /**
     * With the diagnostics module, the recognition share is judged: the two public hospitals (the community centre and
     * the CDC are no hospitals and do not count) both recognised this year, or one did (50 % below 100 %), or a jurisdiction's 50 %.
     */
    @Test
    void recognitionShareOfThePublicHospitals_onBothSidesOfTheLine_overTheYearToTheAsOfDay() {
        figures(150, 10, 100, 12, 74);
        var counts = new java.util.HashMap<java.util.UUID, Long>();
        var years = new ArrayList<LocalDate[]>();
        f.diagnostics = new org.medunion.policy.DiagnosticsEvidenceSource() {

            @Override
            public java.util.Map<java.util.UUID, java.util.Set<String>> centreTypes() {
                return java.util.Map.of();
            }

            @Override
            public java.util.Map<java.util.UUID, Long> recognitions(LocalDate from, LocalDate to) {
                years.add(new LocalDate[] {from, to});
                return counts;
            }
        };
        counts.put(lead.id().value(), 3L);
        counts.put(district.id().value(), 1L);
        assertThat(f.evaluateAll(nn9)).extracting(Finding::aspect).containsExactly("unverifiedRest");
        assertThat(years.get(0)).containsExactly(LocalDate.of(2026, 1, 1), ConsortiumFixture.TODAY);

        counts.remove(district.id().value());
        var open = f.evaluate(nn9);
        assertThat(open).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("recognitionShare");
            assertThat(x.args()).contains("50.0%", "100.0%", "区人民医院");
            assertThat(x.args()).noneMatch(a -> a.contains("南宁市第一人民医院") || a.contains("疾病预防控制中心"));
        });
        var half = new Parameters(List.of(new Parameters.Override(DISTRICT, "NN-9", "recognitionShare", "0.5")));
        assertThat(aspects(half)).isEmpty();
    }
}
