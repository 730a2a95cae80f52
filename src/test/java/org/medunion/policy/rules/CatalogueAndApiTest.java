package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medunion.policy.LongPrescriptionPolicy;
import org.medunion.policy.PlaqueNames;
import org.medunion.registry.ConsortiumForm;

/** The catalogue holds every rule of rules.md with its seed clause; CQ-3 and CQ-5 public functions; parameter resolution. */
class CatalogueAndApiTest {

    @Test
    void everyRuleOfRulesMdIsInTheCatalogueWithItsClause() {
        List<String> expected = new ArrayList<>();
        // SH-17 (quantified targets, seed 000) is a requirement of the seed that rules.md has no row for (issue 13)
        for (int i = 1; i <= 17; i++) {
            expected.add("SH-" + i);
        }
        // CQ-10 (poverty group under contract, seed 001) has no row in rules.md either (issue 13)
        for (int i = 1; i <= 10; i++) {
            expected.add("CQ-" + i);
        }
        // NN-10 (standardised public-health department, seed 002) has no row in rules.md either (issue 13)
        for (int i = 1; i <= 10; i++) {
            expected.add("NN-" + i);
        }
        for (int i = 1; i <= 15; i++) {
            expected.add("NAT-" + i);
        }
        for (int i = 1; i <= 5; i++) {
            expected.add("CN-" + i);
        }
        for (int i = 1; i <= 12; i++) {
            expected.add("NAT-R-" + i);
        }
        for (int i = 1; i <= 8; i++) {
            expected.add("SC-" + i);
        }
        for (int i = 1; i <= 18; i++) {
            expected.add("RX-" + i);
        }
        for (int i = 1; i <= 16; i++) {
            expected.add("TM-" + i);
        }
        var catalogue = new RuleCatalogue();
        assertThat(catalogue.rules()).extracting(Rule::id).containsExactlyElementsOf(expected);
        catalogue.rules().forEach(r -> assertThat(r.clause()).as(r.id()).isNotBlank());
        assertThat(catalogue.rule("SH-3").orElseThrow().clause()).contains("每个区可与不超过2家市级综合医院组建区域医联体");
        assertThat(catalogue.rule("SH-8").orElseThrow().clause()).contains("取得主治医生职称不少于5年");
        assertThat(catalogue.rule("SH-7").orElseThrow().clause()).contains("管理人员职责应在托管协议中予以明确");
        assertThat(catalogue.rule("SH-17").orElseThrow().clause()).contains("客观要求和具体量化指标");
        assertThat(catalogue.rule("SH-17").orElseThrow().defaults()).containsEntry("min", "1");
        assertThat(catalogue.rule("NN-10").orElseThrow().clause()).contains("标准化公共卫生科,配备专职人员");
        assertThat(catalogue.rule("NN-4").orElseThrow().clause()).contains("至少1/3的门诊号源和1/4的住院床位");
        assertThat(catalogue.rule("TM-2").orElseThrow().clause()).contains("征得其书面同意");
        assertThat(catalogue.rule("TM-5").orElseThrow().defaults()).containsEntry("years", "3");
        assertThat(catalogue.rule("SH-3").orElseThrow().defaults()).containsEntry("max", "2");
        assertThat(catalogue.rule("SH-4").orElseThrow().defaults()).containsEntry("max", "3");
        assertThat(catalogue.rule("CQ-5").orElseThrow().defaults()).containsEntry("maxDays", "60");
        assertThat(catalogue.rule("RX-6").orElseThrow().defaults()).containsEntry("maxDays", "84").containsEntry("normalDays", "28");
        assertThat(catalogue.rule("RX-6").orElseThrow().clause()).contains("最长不超过12周");
    }

    @Test
    void CQ5_sixtyDaysForAContractedChronicPatientPasses() {
        assertThat(LongPrescriptionPolicy.check(60, true, true)).isEmpty();
        assertThat(LongPrescriptionPolicy.check(30, false, false)).isEmpty();
    }

    @Test
    void CQ5_sixtyOneDaysIsRefused() {
        assertThat(LongPrescriptionPolicy.check(61, true, true)).get().extracting(LongPrescriptionPolicy.Refusal::messageKey)
                .isEqualTo("error.CQ-5.tooLong");
    }

    @Test
    void CQ5_longPrescriptionForANonContractedOrNonChronicPatientIsRefused() {
        assertThat(LongPrescriptionPolicy.check(31, false, true)).get().extracting(LongPrescriptionPolicy.Refusal::messageKey)
                .isEqualTo("error.CQ-5.notEligible");
        assertThat(LongPrescriptionPolicy.check(31, true, false)).isPresent();
        assertThat(LongPrescriptionPolicy.check(0, true, true)).isPresent();
        assertThat(LongPrescriptionPolicy.check(84, true, true, LongPrescriptionPolicy.NATIONAL_MAX_DAYS)).isEmpty();
    }

    @Test
    void CQ3_plaqueNamesPerForm() {
        assertThat(PlaqueNames.plaqueFor(ConsortiumForm.URBAN_GROUP, "重医附一院医疗集团", "重庆医科大学附属第一医院")).isEqualTo("重医附一院医疗集团医院");
        assertThat(PlaqueNames.plaqueFor(ConsortiumForm.COUNTY_COMMUNITY, "綦江区医共体", "綦江区人民医院")).isEqualTo("綦江区人民医院医共体医院");
        assertThat(PlaqueNames.plaqueFor(ConsortiumForm.SPECIALTY_ALLIANCE, "西南儿科专科联盟", "重庆医科大学附属儿童医院")).isEqualTo("西南儿科专科联盟医院");
        assertThat(PlaqueNames.plaqueFor(ConsortiumForm.TELEMEDICINE_NETWORK, "远程网", "重庆市人民医院")).isEqualTo("重庆市人民医院远程协作医院");
        assertThat(PlaqueNames.looksLikePlaque("重庆市人民医院")).isFalse();
    }

    @Test
    void parameterOverrideOfTheDistrictBeatsTheCitysWhichBeatsTheDefault() {
        var rule = new RuleCatalogue().rule("SH-3").orElseThrow();
        var p = new Parameters(List.of(new Parameters.Override("310000", "SH-3", "max", "4"),
                new Parameters.Override("310105", "SH-3", "max", "3")));
        assertThat(p.intValue(rule, "max", "310105")).isEqualTo(3);
        assertThat(p.intValue(rule, "max", "310104")).isEqualTo(4);
        assertThat(p.intValue(rule, "max", "450102")).isEqualTo(2);
        assertThat(Parameters.acceptable(rule, "max", "x")).isFalse();
        assertThat(Parameters.acceptable(rule, "nope", "3")).isFalse();
        assertThat(Parameters.acceptable(rule, "max", "3")).isTrue();
    }

    @Test
    void engineKeepsOnlyFindingsUnderAJurisdictionApplyingThePack() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(3);
        var engine = new RuleEngine(new RuleCatalogue());
        var s = f.snapshot();
        assertThat(engine.evaluate(s, Parameters.defaults())).extracting(Finding::ruleId).contains("SH-3");
        var nanningOnly = RegistrySnapshot.builder(ConsortiumFixture.TODAY).districts(f.districts).institutions(f.institutions)
                .consortia(f.consortia).packJurisdictions(java.util.Map.of(Pack.SH, Set.of("450100"), Pack.NN, Set.of("450100"))).build();
        assertThat(engine.evaluate(nanningOnly, Parameters.defaults())).allMatch(x -> x.subject().type() == SubjectType.JURISDICTION
                && x.subject().key().equals("450100")).extracting(Finding::ruleId).doesNotContain("SH-3");
    }
}
