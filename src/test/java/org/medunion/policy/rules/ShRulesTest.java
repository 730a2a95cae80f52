package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.policy.rules.ConsortiumFixture.CHANGNING;
import static org.medunion.policy.rules.ConsortiumFixture.MINHANG;
import static org.medunion.policy.rules.ConsortiumFixture.PUDONG;
import static org.medunion.policy.rules.ConsortiumFixture.TODAY;
import static org.medunion.policy.rules.ConsortiumFixture.XUHUI;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryChange;
import org.medunion.registry.Title;

/** Pack SH: each rule on both sides of its threshold, the exemptions included. */
class ShRulesTest {

    // ---- SH-1
    @Test
    void SH1_regionalFormWithMunicipalAndDistrictMembersPasses() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        assertThat(f.evaluate(new CooperationFormPolicy())).isEmpty();
    }

    @Test
    void SH1_telemedicineNetworkBetweenMunicipalAndDistrictIsReported() {
        var f = new ConsortiumFixture();
        f.consortium("远程网", ConsortiumForm.TELEMEDICINE_NETWORK, false, GovernanceType.COOPERATION, CHANGNING, List.of(), List.of(),
                true, true, new Object[] {f.municipalGeneral("市一", XUHUI), MembershipRole.LEAD},
                new Object[] {f.districtHospital("区中心", CHANGNING, true), MembershipRole.MEMBER});
        assertThat(f.evaluate(new CooperationFormPolicy())).extracting(Finding::aspect).containsExactly("form");
    }

    // ---- SH-2
    @Test
    void SH2_regionalMedicalCentreLeadWithMunicipalTechnicalSupportPasses() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        assertThat(f.evaluate(new RegionalConsortiumLeadPolicy())).isEmpty();
    }

    @Test
    void SH2_municipalHospitalLeadingARegionalConsortiumIsReported() {
        var f = new ConsortiumFixture();
        var m = f.municipalTcm("市中医医院", XUHUI);
        f.regional("区域", CHANGNING, new Object[] {m, MembershipRole.LEAD},
                new Object[] {f.communityCentre("社区", CHANGNING), MembershipRole.MEMBER});
        assertThat(f.evaluate(new RegionalConsortiumLeadPolicy())).extracting(Finding::aspect)
                .containsExactlyInAnyOrder("lead", "role@" + m.id());
    }

    // ---- SH-3
    @Test
    void SH3_twoMunicipalGeneralHospitalsInDistrictPass() {
        assertThat(ConsortiumFixture.districtWithMunicipalHospitals(2).evaluate(new DistrictHospitalLimitPolicy())).isEmpty();
    }

    @Test
    void SH3_thirdIsBlocked() {
        var findings = ConsortiumFixture.districtWithMunicipalHospitals(3).evaluate(new DistrictHospitalLimitPolicy());
        assertThat(findings).hasSize(1);
        var f = findings.get(0);
        assertThat(f.severity()).isEqualTo(Severity.BLOCK);
        assertThat(f.subject().key()).isEqualTo(CHANGNING);
        assertThat(f.evidence()).contains("310105 长宁区").contains("市第1人民医院, 市第2人民医院, 市第3人民医院 = 3 > 2");
        assertThat(f.objects()).hasSize(4);
    }

    @Test
    void SH3_tcmHospitalNotCounted() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        var c = f.consortia.get(0);
        f.regional("第二区域医联体", CHANGNING, new Object[] {f.districtHospital("区二院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {f.municipalTcm("市中医医院", XUHUI), MembershipRole.TECHNICAL_SUPPORT});
        assertThat(c).isNotNull();
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).isEmpty();
    }

    @Test
    void SH3_hospitalsCountedAcrossTheDistrictsConsortiaAndOnlyOnce() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        var first = f.institutions.get(1);
        f.regional("第二区域医联体", CHANGNING, new Object[] {f.districtHospital("区二院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {first, MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).isEmpty();
        f.regional("第三区域医联体", CHANGNING, new Object[] {f.districtHospital("区三院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {f.municipalGeneral("市第九人民医院", PUDONG), MembershipRole.MEMBER});
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).hasSize(1);
    }

    @Test
    void SH3_districtOverrideRaisesTheLimitToThree() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(3);
        var raised = new Parameters(List.of(new Parameters.Override(CHANGNING, "SH-3", "max", "3")));
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy(), raised)).isEmpty();
        var otherDistrict = new Parameters(List.of(new Parameters.Override(MINHANG, "SH-3", "max", "3")));
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy(), otherDistrict)).hasSize(1);
    }

    @Test
    void SH3_blocksAChangeConcerningTheDistrictsHospitals() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(3);
        var rule = new DistrictHospitalLimitPolicy();
        var finding = f.evaluate(rule).get(0);
        var third = f.institutions.get(3);
        assertThat(rule.blocks(finding, new RegistryChange("MEMBER_ADDED", f.consortia.get(0).id(), List.of(third.id()), null))).isTrue();
        assertThat(rule.blocks(finding, new RegistryChange("MEMBER_ADDED", org.medunion.registry.ConsortiumId.random(),
                List.of(org.medunion.registry.InstitutionId.random()), null))).isFalse();
    }

    @Test
    void SH3_urbanMedicalGroupCountsLikeARegionalConsortium() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        f.urbanGroup("长宁紧密型城市医疗集团", CHANGNING, new Object[] {f.districtHospital("区二院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {f.municipalGeneral("市第九人民医院", PUDONG), MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).hasSize(1);
    }

    @Test
    void SH3_branchCampusCountsAsItsMainHospital() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        var branch = f.branchOf(f.institutions.get(1), CHANGNING);
        f.regional("第二区域医联体", CHANGNING, new Object[] {f.districtHospital("区二院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {branch, MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).as("same hospital, not a third").isEmpty();
        f.regional("第三区域医联体", CHANGNING, new Object[] {f.districtHospital("区三院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {f.branchOf(f.municipalGeneral("市第九人民医院", PUDONG), CHANGNING), MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).as("a third hospital through its branch").hasSize(1);
    }

    @Test
    void SH3_militaryHospitalNotCounted() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        f.regional("第二区域医联体", CHANGNING, new Object[] {f.districtHospital("区二院", CHANGNING, true), MembershipRole.LEAD},
                new Object[] {f.military("海军军医大学第一附属医院", PUDONG), MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new DistrictHospitalLimitPolicy())).isEmpty();
    }

    @Test
    void SH3_futureMembershipIsCheckedOnTheDayItBegins() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(2);
        var start = java.time.LocalDate.of(2027, 1, 1);
        f.join(f.consortia.get(0), f.municipalGeneral("市第九人民医院", PUDONG), MembershipRole.TECHNICAL_SUPPORT, start);
        var rule = new DistrictHospitalLimitPolicy();
        assertThat(rule.evaluate(f.snapshot(start.minusDays(1)), Parameters.defaults())).as("the day before").isEmpty();
        assertThat(rule.evaluate(f.snapshot(start), Parameters.defaults())).as("on its first day").hasSize(1);
    }

    @Test
    void SH3_consortiumDissolvedLaterStillCountsAsOfAnEarlierDay() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(3);
        var c = f.consortia.get(0);
        var dissolvedOn = TODAY.minusMonths(1);
        f.replace(c, new org.medunion.registry.ConsortiumView(c.id(), c.name(), c.form(), c.tight(), c.governance(), c.districtCode(),
                c.gridIds(), false, c.establishedOn(), dissolvedOn, false, null, true, true, c.centres(), c.members(), 0, null));
        var rule = new DistrictHospitalLimitPolicy();
        assertThat(rule.evaluate(f.snapshot(), Parameters.defaults())).isEmpty();
        assertThat(rule.evaluate(f.snapshot(dissolvedOn.minusDays(1)), Parameters.defaults())).hasSize(1);
    }

    // ---- SH-4
    @Test
    void SH4_urbanGroupsAndBranchCampusesCountForTheMainHospital() {
        var f = new ConsortiumFixture();
        var h = f.municipalGeneral("市一", XUHUI);
        f.regional("长宁", CHANGNING, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        f.urbanGroup("闵行集团", MINHANG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new MunicipalHospitalDistrictLimitPolicy())).isEmpty();
        f.regional("浦东", PUDONG, new Object[] {f.branchOf(h, PUDONG), MembershipRole.TECHNICAL_SUPPORT});
        var findings = f.evaluate(new MunicipalHospitalDistrictLimitPolicy());
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).evidence()).startsWith("市一:").endsWith("= 4 > 3");
    }

    @Test
    void SH4_militaryHospitalExempt() {
        var f = new ConsortiumFixture();
        var h = f.military("军医大学附属医院", XUHUI);
        for (String d : List.of(CHANGNING, MINHANG, PUDONG)) {
            f.regional("区域" + d, d, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        }
        assertThat(f.evaluate(new MunicipalHospitalDistrictLimitPolicy())).isEmpty();
    }

    @Test
    void SH4_threeDistrictsIncludingHomePass() {
        var f = new ConsortiumFixture();
        var h = f.municipalGeneral("市一", XUHUI);
        f.regional("长宁", CHANGNING, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        f.regional("闵行", MINHANG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new MunicipalHospitalDistrictLimitPolicy())).isEmpty();
    }

    @Test
    void SH4_homeDistrictCountedWithoutConsortium() {
        var f = new ConsortiumFixture();
        var h = f.municipalGeneral("市一", XUHUI);
        f.regional("长宁", CHANGNING, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        f.regional("闵行", MINHANG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        f.regional("浦东", PUDONG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        var findings = f.evaluate(new MunicipalHospitalDistrictLimitPolicy());
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).evidence()).contains("310104 徐汇区 (*)").endsWith("= 4 > 3");
    }

    @Test
    void SH4_tcmHospitalExempt() {
        var f = new ConsortiumFixture();
        var h = f.municipalTcm("市中医", XUHUI);
        for (String d : List.of(CHANGNING, MINHANG, PUDONG, ConsortiumFixture.HUANGPU)) {
            f.regional("区域" + d, d, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        }
        assertThat(f.evaluate(new MunicipalHospitalDistrictLimitPolicy())).isEmpty();
    }

    @Test
    void SH4_specialtyAlliancesDoNotCount() {
        var f = new ConsortiumFixture();
        var h = f.municipalGeneral("市一", XUHUI);
        for (String d : List.of(CHANGNING, MINHANG, PUDONG)) {
            f.consortium("专科" + d, ConsortiumForm.SPECIALTY_ALLIANCE, false, GovernanceType.COOPERATION, d, List.of(), List.of(),
                    true, true, new Object[] {h, MembershipRole.LEAD});
        }
        assertThat(f.evaluate(new MunicipalHospitalDistrictLimitPolicy())).isEmpty();
    }

    // ---- SH-5
    @Test
    void SH5_branchCampusInTheDistrictPasses() {
        var f = new ConsortiumFixture();
        var h = f.withCampus(f.municipalGeneral("市一", XUHUI), MINHANG, false);
        f.regional("闵行", MINHANG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT, MembershipBasis.BRANCH_CAMPUS});
        assertThat(f.evaluate(new BranchCampusBasisPolicy())).isEmpty();
    }

    @Test
    void SH5_branchCampusRegisteredInTheDistrictIsTheBasis_urbanGroupsChecked() {
        var f = new ConsortiumFixture();
        var h = f.municipalGeneral("市一", XUHUI);
        f.urbanGroup("闵行集团", MINHANG, new Object[] {f.branchOf(h, MINHANG), MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new BranchCampusBasisPolicy())).isEmpty();
        f.urbanGroup("浦东集团", PUDONG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT});
        assertThat(f.evaluate(new BranchCampusBasisPolicy())).hasSize(1);
    }

    @Test
    void SH5_branchCampusClaimedWithoutCampusIsReported() {
        var f = new ConsortiumFixture();
        var h = f.withCampus(f.municipalGeneral("市一", XUHUI), PUDONG, false);
        f.regional("闵行", MINHANG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT, MembershipBasis.BRANCH_CAMPUS});
        f.regional("长宁", CHANGNING, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT, MembershipBasis.OTHER});
        f.regional("浦东", PUDONG, new Object[] {h, MembershipRole.TECHNICAL_SUPPORT, MembershipBasis.COUNTERPART_SUPPORT});
        assertThat(f.evaluate(new BranchCampusBasisPolicy())).hasSize(2);
    }

    // ---- SH-6
    @Test
    void SH6_signedCompleteTrusteeshipAgreementPasses() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        f.agreement(f.consortia.get(0), AgreementType.TRUSTEESHIP, TODAY.minusYears(1), TODAY.plusYears(2), true, "写明");
        assertThat(f.evaluate(new TrusteeshipAgreementPolicy())).isEmpty();
    }

    @Test
    void SH6_unsignedOrIncompleteAgreementIsBlocked_missingOneIsReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var rule = new TrusteeshipAgreementPolicy();
        assertThat(f.evaluate(rule)).extracting(Finding::aspect).containsExactly("missing");
        var c = f.consortia.get(0);
        f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusYears(1), TODAY.plusYears(2), false, " ");
        var findings = f.evaluate(rule);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).evidence()).contains(Texts.text(List.of(Texts.term("signedOn"),
                Texts.term("responsibilities"), Texts.term("rights"), Texts.term("benefits"), Texts.term("benefitSharing"))));
        assertThat(rule.blocks(findings.get(0), new RegistryChange("AGREEMENT_RECORDED", c.id(), List.of(), null))).isTrue();
        assertThat(rule.blocks(findings.get(0), new RegistryChange("MEMBER_ADDED", c.id(), List.of(), null))).isFalse();
    }

    // ---- SH-7
    private ConsortiumFixture trusteeshipWithManagers(int years, ManagerRole... roles) {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var start = TODAY.minusMonths(1);
        var end = start.plusYears(years).minusDays(1); // inclusive: exactly {years} years
        var a = f.agreement(c, AgreementType.TRUSTEESHIP, start, end, true, "写明");
        for (ManagerRole r : roles) {
            var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(10));
            f.dispatch(c, p, f.institutions.get(0), DispatchKind.MANAGER, r, null, start, end, 5, a.id());
        }
        return f;
    }

    @Test
    void SH7_presidentAndExecutivePresidentForTwoYearsPass() {
        assertThat(trusteeshipWithManagers(2, ManagerRole.PRESIDENT, ManagerRole.EXECUTIVE_PRESIDENT)
                .evaluate(new DispatchedManagersPolicy())).isEmpty();
    }

    @Test
    void SH7_trusteeshipAgreementWithoutTheManagersDutiesIsReported_statingThemPasses() {
        var f = trusteeshipWithManagers(2, ManagerRole.PRESIDENT, ManagerRole.EXECUTIVE_PRESIDENT);
        var a = f.withDuties(f.agreements.get(0), "  ");
        var rule = new DispatchedManagersPolicy();
        assertThat(f.evaluate(rule)).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("duties@" + a.id());
            assertThat(x.args()).containsExactly(f.consortia.get(0).name(), a.title());
            // reported, not blocked: agreements recorded before the field existed lack it
            assertThat(rule.blocks(x, new RegistryChange("AGREEMENT_RECORDED", f.consortia.get(0).id(), List.of(), null))).isFalse();
        });
        f.withDuties(f.agreements.get(0), "院长主持全面工作；执行院长负责医疗质量与运营");
        assertThat(f.evaluate(rule)).isEmpty();
    }

    @Test
    void SH7_endedTrusteeshipAgreementWithoutDutiesIsNotReported() {
        var f = trusteeshipWithManagers(2, ManagerRole.PRESIDENT, ManagerRole.EXECUTIVE_PRESIDENT);
        var c = f.consortia.get(0);
        // ended yesterday (end inclusive): no longer in force; one ending today still is
        var ended = f.withDuties(f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusYears(3), TODAY.minusDays(1), true, "写明"), null);
        assertThat(f.evaluate(new DispatchedManagersPolicy())).extracting(Finding::aspect).doesNotContain("duties@" + ended.id());
        var endsToday = f.withDuties(f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusYears(3), TODAY, true, "写明"), null);
        assertThat(f.evaluate(new DispatchedManagersPolicy())).extracting(Finding::aspect).contains("duties@" + endsToday.id());
    }

    @Test
    void SH7_onlyOneManagerIsReported() {
        assertThat(trusteeshipWithManagers(2, ManagerRole.PRESIDENT).evaluate(new DispatchedManagersPolicy()))
                .extracting(Finding::aspect).containsExactly("roles");
    }

    @Test
    void SH7_twoVicePresidentsLackTheRequiredRoles() {
        assertThat(
                trusteeshipWithManagers(2, ManagerRole.VICE_PRESIDENT, ManagerRole.VICE_PRESIDENT).evaluate(new DispatchedManagersPolicy()))
                .extracting(Finding::aspect).containsExactly("roles");
    }

    @Test
    void SH7_termShorterThanTwoYearsIsBlocked() {
        var f = trusteeshipWithManagers(2, ManagerRole.PRESIDENT, ManagerRole.EXECUTIVE_PRESIDENT);
        var c = f.consortia.get(0);
        var a = f.agreements.get(0);
        var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(10));
        var start = TODAY.minusMonths(1);
        f.dispatch(c, p, f.institutions.get(0), DispatchKind.MANAGER, ManagerRole.VICE_PRESIDENT, null, start,
                start.plusYears(2).minusDays(2), 5, a.id());
        var rule = new DispatchedManagersPolicy();
        var findings = f.evaluate(rule);
        assertThat(findings).extracting(Finding::aspect).containsExactly("term");
        assertThat(rule.blocks(findings.get(0), new RegistryChange("DISPATCH_RECORDED", c.id(), List.of(), null))).isTrue();
    }

    /** The issue's example: 2026-11-22..2028-11-21 is a full two-year term (end date inclusive). */
    private static List<Finding> sh7Term(java.time.LocalDate start, java.time.LocalDate end) {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var a = f.agreement(c, AgreementType.TRUSTEESHIP, start, end, true, "写明");
        for (ManagerRole r : List.of(ManagerRole.PRESIDENT, ManagerRole.EXECUTIVE_PRESIDENT)) {
            var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(10));
            f.dispatch(c, p, f.institutions.get(0), DispatchKind.MANAGER, r, null, start, end, 5, a.id());
        }
        return f.evaluate(new DispatchedManagersPolicy());
    }

    @Test
    void SH7_fullTwoYearTermIsAccepted() {
        assertThat(sh7Term(java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2028, 11, 21))).isEmpty();
    }

    @Test
    void SH7_termOneDayShortOfTwoYearsIsBlocked() {
        var findings = sh7Term(java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2028, 11, 20));
        assertThat(findings).filteredOn(x -> x.aspect().equals("term")).hasSize(2);
        assertThat(findings).filteredOn(x -> x.aspect().startsWith("agreementTerm@")).hasSize(1);
    }

    /** Trusteeship shorter than two years (seed: managers' term = trusteeship term, at least two years), end inclusive. */
    @Test
    void SH7_trusteeshipAgreementOfExactlyTwoYearsPasses_oneDayShortIsBlockedWhenRecorded() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var rule = new DispatchedManagersPolicy();
        f.agreement(c, AgreementType.TRUSTEESHIP, java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2028, 11, 21), true, "写明");
        assertThat(f.evaluate(rule)).noneMatch(x -> x.aspect().startsWith("agreementTerm"));
        f.agreements.clear();
        var a = f.agreement(c, AgreementType.TRUSTEESHIP, java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2028, 11, 20), true,
                "写明");
        var term = f.evaluate(rule).stream().filter(x -> x.aspect().equals("agreementTerm@" + a.id())).toList();
        assertThat(term).hasSize(1);
        assertThat(rule.blocks(term.get(0), new RegistryChange("AGREEMENT_RECORDED", c.id(), List.of(), null))).isTrue();
        assertThat(rule.blocks(term.get(0), new RegistryChange("MEMBER_ADDED", c.id(), List.of(), null))).isFalse();
        var oneYear = new Parameters(List.of(new Parameters.Override(CHANGNING, "SH-7", "years", "1")));
        assertThat(f.evaluate(rule, oneYear)).noneMatch(x -> x.aspect().startsWith("agreementTerm"));
    }

    /** One trusteeship agreement at a time per consortium: overlapping terms are blocked, back-to-back terms pass. */
    @Test
    void SH6_overlappingTrusteeshipAgreementIsBlocked_backToBackTermsPass() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var rule = new TrusteeshipAgreementPolicy();
        f.agreement(c, AgreementType.TRUSTEESHIP, java.time.LocalDate.of(2024, 11, 22), java.time.LocalDate.of(2026, 11, 21), true, "写明");
        var next = f.agreement(c, AgreementType.TRUSTEESHIP, java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2028, 11, 21),
                true, "写明");
        assertThat(f.evaluate(rule)).isEmpty();
        f.agreements.remove(next);
        var overlapping = f.agreement(c, AgreementType.TRUSTEESHIP, java.time.LocalDate.of(2026, 11, 21),
                java.time.LocalDate.of(2028, 11, 20), true, "写明");
        var findings = f.evaluate(rule);
        assertThat(findings).extracting(Finding::aspect).containsExactly("overlap@" + overlapping.id());
        assertThat(rule.blocks(findings.get(0), new RegistryChange("AGREEMENT_RECORDED", c.id(), List.of(), null))).isTrue();
    }

    @Test
    void SH7_termNotAlignedWithTheAgreementIsBlocked() {
        var f = trusteeshipWithManagers(3, ManagerRole.PRESIDENT);
        var c = f.consortia.get(0);
        var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(10));
        f.dispatch(c, p, f.institutions.get(0), DispatchKind.MANAGER, ManagerRole.EXECUTIVE_PRESIDENT, null, TODAY.minusMonths(1),
                TODAY.minusMonths(1).plusYears(2), 5, f.agreements.get(0).id());
        assertThat(f.evaluate(new DispatchedManagersPolicy())).extracting(Finding::aspect).containsExactly("term");
    }

    /** A specialty alliance run as a trusteeship: one manager, one short-stay expert of one discipline. */
    private static ConsortiumFixture specialtyTrusteeship() {
        var f = new ConsortiumFixture();
        var municipal = f.municipalGeneral("市一", XUHUI);
        var district = f.districtHospital("区中心", CHANGNING, true);
        var c = f.consortium("心血管专科联盟", ConsortiumForm.SPECIALTY_ALLIANCE, false, GovernanceType.TRUSTEESHIP, CHANGNING, List.of(),
                List.of(), true, true, new Object[] {municipal, MembershipRole.LEAD, MembershipBasis.OTHER, "心内科"},
                new Object[] {district, MembershipRole.MEMBER});
        var a = f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusMonths(1), TODAY.plusMonths(6), true, "写明");
        f.dispatch(c, f.physician(municipal, Title.CHIEF, TODAY.minusYears(10)), district, DispatchKind.MANAGER, ManagerRole.PRESIDENT,
                null, TODAY.minusMonths(1), TODAY.plusMonths(6), 5, a.id());
        f.dispatch(c, f.physician(municipal, Title.RESIDENT, TODAY.minusYears(1)), district, DispatchKind.EXPERT, null, "心内科",
                TODAY.minusMonths(1), TODAY.plusMonths(2), 1, null);
        return f;
    }

    @Test
    void SH7_SH8_SH9_specialtyTrusteeshipIsLeftToTheParties() {
        var f = specialtyTrusteeship();
        assertThat(f.evaluate(new DispatchedManagersPolicy())).isEmpty();
        assertThat(f.evaluate(new DispatchedPhysicianTitlePolicy())).isEmpty();
        assertThat(f.evaluate(new StationedExpertsPolicy())).isEmpty();
    }

    @Test
    void SH8_onlyMunicipalToDistrictOrCommunityDispatchesAreChecked() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var centre = f.institutions.get(0);
        var community = f.communityCentre("社区", CHANGNING);
        // district → community (e.g. a TCM expert of the district hospital) is not SH-8's concern
        f.dispatch(c, f.physician(centre, Title.RESIDENT, TODAY.minusYears(1)), community, DispatchKind.EXPERT, null, "中医科",
                TODAY.minusMonths(1), null, 2, null);
        assertThat(f.evaluate(new DispatchedPhysicianTitlePolicy())).isEmpty();
        // municipal → community is
        f.dispatch(c, f.physician(f.institutions.get(1), Title.RESIDENT, TODAY.minusYears(1)), community, DispatchKind.EXPERT, null,
                "心内科", TODAY.minusMonths(1), null, 2, null);
        assertThat(f.evaluate(new DispatchedPhysicianTitlePolicy())).hasSize(1);
    }

    @Test
    void SH8_changingTheDispatchedPhysiciansTitleDataConcernsTheFinding() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var municipal = f.institutions.get(1);
        var p = f.physician(municipal, Title.ATTENDING, TODAY.minusYears(3));
        f.dispatch(f.consortia.get(0), p, f.institutions.get(0), DispatchKind.EXPERT, null, "心内科", TODAY, null, 3, null);
        var rule = new DispatchedPhysicianTitlePolicy();
        var finding = f.evaluate(rule).get(0);
        assertThat(rule.blocks(finding, new RegistryChange("PRACTITIONER_UPDATED", null, List.of(municipal.id()), null))).isTrue();
    }

    // ---- SH-8
    private List<Finding> sh8(Profession profession, Title title, java.time.LocalDate titleDate, java.time.LocalDate start) {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var p = f.practitioner(f.institutions.get(1), profession, title, titleDate, false, false);
        f.dispatch(f.consortia.get(0), p, f.institutions.get(0), DispatchKind.EXPERT, null, "心内科", start, null, 3, null);
        return f.evaluate(new DispatchedPhysicianTitlePolicy());
    }

    @Test
    void SH8_exactlyFiveYearsPasses() {
        assertThat(sh8(Profession.PHYSICIAN, Title.ATTENDING, TODAY.minusYears(5), TODAY)).isEmpty();
    }

    @Test
    void SH8_attendingFourYearsElevenMonthsBlocked() {
        var findings = sh8(Profession.PHYSICIAN, Title.ATTENDING, TODAY.minusYears(4).minusMonths(11), TODAY);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).severity()).isEqualTo(Severity.BLOCK);
    }

    @Test
    void SH8_oneDayShortOfFiveYearsOnTheStartDateIsBlocked() {
        var start = TODAY.minusMonths(2);
        assertThat(sh8(Profession.PHYSICIAN, Title.ATTENDING, start.minusYears(5).plusDays(1), start)).hasSize(1);
    }

    @Test
    void SH8_associateChiefPassesWhateverTheDate() {
        assertThat(sh8(Profession.PHYSICIAN, Title.ASSOCIATE_CHIEF, TODAY.minusMonths(1), TODAY)).isEmpty();
    }

    @Test
    void SH8_residentIsBlocked() {
        assertThat(sh8(Profession.PHYSICIAN, Title.RESIDENT, TODAY.minusYears(9), TODAY)).hasSize(1);
    }

    @Test
    void SH8_nursesAndTechniciansAreRelaxed() {
        assertThat(sh8(Profession.NURSE, Title.RESIDENT, TODAY.minusMonths(1), TODAY)).isEmpty();
        assertThat(sh8(Profession.TECHNICIAN, Title.RESIDENT, TODAY.minusMonths(1), TODAY)).isEmpty();
    }

    // ---- SH-9
    private ConsortiumFixture experts(int disciplines, int daysPerWeek, int stayMonths) {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusYears(1), TODAY.plusYears(2), true, "写明");
        for (int i = 0; i < disciplines; i++) {
            var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(10));
            var start = TODAY.minusMonths(3);
            var d = f.dispatch(c, p, f.institutions.get(0), DispatchKind.EXPERT, null, "学科" + i, start, start.plusMonths(stayMonths),
                    daysPerWeek, null);
            f.logDays(d, 8, daysPerWeek);
        }
        return f;
    }

    @Test
    void SH9_fiveDisciplinesTwoDaysAYearLongPass() {
        assertThat(experts(5, 2, 12).evaluate(new StationedExpertsPolicy())).isEmpty();
    }

    @Test
    void SH9_fourDisciplinesAreReported() {
        assertThat(experts(4, 2, 12).evaluate(new StationedExpertsPolicy())).extracting(Finding::aspect).containsExactly("disciplines");
    }

    @Test
    void SH9_oneDayAWeekFromWorkLogsIsReported() {
        assertThat(experts(5, 1, 12).evaluate(new StationedExpertsPolicy())).extracting(Finding::aspect)
                .containsOnly("days").hasSize(5);
    }

    private static List<Finding> sh9Stay(java.time.LocalDate start, java.time.LocalDate end) {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusYears(1), TODAY.plusYears(2), true, "写明");
        var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(10));
        f.dispatch(c, p, f.institutions.get(0), DispatchKind.EXPERT, null, "心内科", start, end, 2, null);
        return f.evaluate(new StationedExpertsPolicy()).stream().filter(x -> x.aspect().equals("stay")).toList();
    }

    @Test
    void SH9_fullOneYearStayPasses() {
        assertThat(sh9Stay(java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2027, 11, 21))).isEmpty();
    }

    @Test
    void SH9_stayOneDayShortOfAYearIsReported() {
        assertThat(sh9Stay(java.time.LocalDate.of(2026, 11, 22), java.time.LocalDate.of(2027, 11, 20))).hasSize(1);
    }

    @Test
    void SH9_stayShorterThanOneYearIsReported() {
        assertThat(experts(5, 2, 11).evaluate(new StationedExpertsPolicy())).extracting(Finding::aspect)
                .containsOnly("stay").hasSize(5);
    }

    // ---- SH-10
    @Test
    void SH10_creationReportedByTheMunicipalHospitalPasses() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        f.report(f.consortia.get(0), ChangeType.CREATION, f.institutions.get(1));
        assertThat(f.evaluate(new ChangeReportPolicy())).isEmpty();
    }

    @Test
    void SH10_consortiumWithoutCreationReportIsReported_andNoDataWithoutReports() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        assertThat(f.evaluateAll(new ChangeReportPolicy())).extracting(Finding::status).containsExactly(FindingStatus.NO_DATA);
        f.report(f.consortia.get(0), ChangeType.ADJUSTMENT, null);
        assertThat(f.evaluate(new ChangeReportPolicy())).extracting(Finding::aspect).containsExactlyInAnyOrder("creation",
                "report@" + Objects.requireNonNull(f.changeReports).get(0).id());
    }

    private static final Instant NOON_TODAY = TODAY.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();

    @Test
    void SH10_reportByTheDistrictLeadWhileAMunicipalHospitalIsMember_isReported_byTheMunicipalHospitalPasses() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var lead = f.institutions.get(0);
        var municipal = f.institutions.get(1);
        var byLead = f.report(c, ChangeType.CREATION, lead, NOON_TODAY, List.of("申康医院发展中心", "上海市卫生健康委员会"));
        assertThat(f.evaluate(new ChangeReportPolicy())).extracting(Finding::aspect).containsExactly("party@" + byLead.id());
        Objects.requireNonNull(f.changeReports).clear();
        f.report(c, ChangeType.CREATION, municipal, NOON_TODAY, List.of("申康医院发展中心", "上海市卫生健康委员会"));
        assertThat(f.evaluate(new ChangeReportPolicy())).isEmpty();
    }

    @Test
    void SH10_creationReportedByTheDistrictLead_municipalHospitalJoiningLater_isNotAPartyFinding() {
        var f = new ConsortiumFixture();
        var lead = f.districtHospital("长宁区中心医院", CHANGNING, true);
        var c = f.regional("长宁社区医联体", CHANGNING, new Object[] {lead, MembershipRole.LEAD},
                new Object[] {f.communityCentre("社区", CHANGNING), MembershipRole.MEMBER});
        f.report(c, ChangeType.CREATION, lead, NOON_TODAY, List.of("长宁区卫健委", "上海市卫生健康委员会"));
        f.join(c, f.municipalGeneral("市第一人民医院", XUHUI), MembershipRole.TECHNICAL_SUPPORT, TODAY);
        assertThat(f.evaluate(new ChangeReportPolicy())).extracting(Finding::aspect).noneMatch(a -> a.startsWith("party@"));
    }

    @Test
    void SH10_municipalReportNotAddressedToItsOwnerBodyIsReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var r = f.report(c, ChangeType.CREATION, f.institutions.get(1), NOON_TODAY, List.of("上海市卫生健康委员会"));
        assertThat(f.evaluate(new ChangeReportPolicy())).extracting(Finding::aspect).containsExactly("recipients@" + r.id());
    }

    @Test
    void SH10_districtLedConsortiumWithoutMunicipalHospitalIsReportedByItsLead() {
        var f = new ConsortiumFixture();
        var lead = f.districtHospital("长宁区中心医院", CHANGNING, true);
        f.regional("长宁社区医联体", CHANGNING, new Object[] {lead, MembershipRole.LEAD},
                new Object[] {f.communityCentre("社区", CHANGNING), MembershipRole.MEMBER});
        f.report(f.consortia.get(0), ChangeType.CREATION, lead, NOON_TODAY, List.of("长宁区卫健委", "上海市卫生健康委员会"));
        assertThat(f.evaluate(new ChangeReportPolicy())).isEmpty();
    }

    /** SH-10 blocks (seed): a municipal member without owner body cannot be reported to it; a report's party never blocks. */
    @Test
    void SH10_municipalMemberWithoutOwnerBodyBlocksTheChange_withOwnerBodyNothingToBlock() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var municipal = f.institutions.get(1);
        f.report(c, ChangeType.CREATION, municipal, NOON_TODAY, List.of("申康医院发展中心", "上海市卫生健康委员会"));
        var rule = new ChangeReportPolicy();
        assertThat(f.evaluate(rule)).isEmpty();
        f.replace(municipal,
                new InstitutionView(municipal.id(), municipal.name(), municipal.creditCode(), municipal.category(), municipal.level(),
                        municipal.grade(), municipal.ownership(), " ", municipal.affiliation(), false, municipal.districtCode(), null, null,
                        false, null, List.of(), List.of(), 0, Instant.EPOCH));
        var findings = f.evaluate(rule);
        assertThat(findings).extracting(Finding::aspect).containsExactly("owner@" + municipal.id());
        assertThat(rule.severity()).isEqualTo(Severity.BLOCK);
        assertThat(rule.blocks(findings.get(0), new RegistryChange("MEMBER_ADDED", c.id(), List.of(municipal.id()), null))).isTrue();
        f.report(c, ChangeType.ADJUSTMENT, f.institutions.get(0), NOON_TODAY, List.of("x"));
        var party = f.evaluate(rule).stream().filter(x -> x.aspect().startsWith("party@")).findFirst().orElseThrow();
        assertThat(rule.blocks(party, new RegistryChange("MEMBER_ADDED", c.id(), List.of(), null))).isFalse();
    }

    // ---- SH-11
    private static ConsortiumView approval(ConsortiumView c, boolean flag, java.time.@Nullable LocalDate approvedOn) {
        return new ConsortiumView(c.id(), c.name(), c.form(), c.tight(), c.governance(), c.districtCode(), c.gridIds(), true,
                c.establishedOn(), null, flag, approvedOn, true, true, c.centres(), c.members(), 0, null);
    }

    @Test
    void SH11_memberFromAnotherProvince_approvedOnEstablishmentDayPasses_dayLaterOrMissingIsBlocked() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        c = f.join(c, f.districtHospital("南京市鼓楼区医院", "320106", false), MembershipRole.MEMBER, c.establishedOn());
        var rule = new CrossProvinceApprovalPolicy();
        c = f.replace(c, approval(c, false, c.establishedOn()));
        assertThat(f.evaluate(rule)).as("no flag needed: the members' division codes span two provinces").isEmpty();
        c = f.replace(c, approval(c, false, c.establishedOn().plusDays(1)));
        assertThat(f.evaluate(rule)).hasSize(1);
        c = f.replace(c, approval(c, false, null));
        var findings = f.evaluate(rule);
        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).evidence()).contains("310000", "320000");
        assertThat(rule.blocks(findings.get(0), new RegistryChange("MEMBER_ADDED", c.id(), List.of(), null))).isTrue();
    }

    @Test
    void SH11_handSetFlagWithAllMembersInOneProvinceIsNotCrossProvince() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        f.replace(c, approval(c, true, null));
        assertThat(f.evaluate(new CrossProvinceApprovalPolicy())).isEmpty();
    }

    // ---- SH-12
    @Test
    void SH12_dispatchedPersonWithoutTitleDateIsReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var ok = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(3));
        var missing = f.physician(f.institutions.get(1), Title.CHIEF, null);
        f.dispatch(c, ok, f.institutions.get(0), DispatchKind.EXPERT, null, "骨科", TODAY.minusDays(1), null, 2, null);
        assertThat(f.evaluate(new DispatchQualificationReportPolicy())).isEmpty();
        f.dispatch(c, missing, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", TODAY.minusDays(1), null, 2, null);
        assertThat(f.evaluate(new DispatchQualificationReportPolicy())).hasSize(1);
    }

    /** Long-term = at least two years, end date inclusive: 2026-11-22..2028-11-21 is long-term, one day less is not. */
    @Test
    void SH12_exactlyTwoYearsInclusiveIsLongTerm_oneDayShortIsNot() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var start = TODAY.minusDays(1);
        var untitled = f.physician(f.institutions.get(1), Title.CHIEF, null);
        var rule = new DispatchQualificationReportPolicy();
        var d = f.dispatch(c, untitled, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", start, start.plusYears(2).minusDays(2), 2,
                null);
        assertThat(f.evaluate(rule)).as("one day short of two years: not long-term").isEmpty();
        f.dispatches.remove(d);
        f.dispatch(c, untitled, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", start, start.plusYears(2).minusDays(1), 2, null);
        assertThat(f.evaluate(rule)).hasSize(1);
        var three = new Parameters(List.of(new Parameters.Override(CHANGNING, "SH-12", "years", "3")));
        assertThat(f.evaluate(rule, three)).as("override: three years").isEmpty();
    }

    @Test
    void SH12_reportListsLongTermManagersAndExpertsFromTheMunicipalHospitalWithQualifications() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var president = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(8));
        var expert = f.physician(f.institutions.get(1), Title.ASSOCIATE_CHIEF, null);
        var shortStay = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(8));
        f.dispatch(c, president, f.institutions.get(0), DispatchKind.MANAGER, ManagerRole.PRESIDENT, null, TODAY.minusDays(1), null, 5,
                null);
        f.dispatch(c, expert, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", TODAY.minusDays(1), TODAY.plusYears(2), 2, null);
        f.dispatch(c, shortStay, f.institutions.get(0), DispatchKind.EXPERT, null, "骨科", TODAY.minusDays(1), TODAY.plusMonths(6), 2,
                null);
        var lines = new DispatchQualificationReportPolicy().report(f.snapshot(), c, Parameters.defaults());
        assertThat(lines).extracting(DispatchQualificationReportPolicy.Line::name).containsExactly(president.name(), expert.name());
        assertThat(lines.get(0).title()).isEqualTo(Title.CHIEF);
        assertThat(lines.get(0).complete()).isTrue();
        assertThat(lines.get(1).complete()).isFalse();
    }

    /**
     * Service time (seed 000, 推进医学骨干人才队伍培养): days at district institutions count as primary-care time, over all
     * of a person's dispatches, overlaps once, ends inclusive, up to the report's day; two full years is flagged.
     */
    @Test
    void SH12_serviceTimeSumsAllDispatchesOnceAndFlagsTwoFullYears() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var expert = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(8));
        // an earlier stay of 10 days, and the current open-ended one that began 729 days ago (730 days with today)
        f.dispatch(c, expert, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", TODAY.minusYears(5), TODAY.minusYears(5).plusDays(9),
                2, null);
        f.dispatch(c, expert, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", TODAY.minusDays(729), null, 2, null);
        // an overlapping record of the same stay is not counted twice
        f.dispatch(c, expert, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", TODAY.minusDays(100), TODAY.minusDays(50), 2, null);
        var line = new DispatchQualificationReportPolicy().report(f.snapshot(), c, Parameters.defaults()).get(0);
        assertThat(line.servedDays()).isEqualTo(10 + 730);
        assertThat(line.servedLongTerm()).isTrue();
        f.dispatches.clear();
        f.dispatch(c, expert, f.institutions.get(0), DispatchKind.EXPERT, null, "眼科", TODAY.minusDays(700), null, 2, null);
        var shorter = new DispatchQualificationReportPolicy().report(f.snapshot(), c, Parameters.defaults()).get(0);
        assertThat(shorter.servedDays()).isEqualTo(701);
        assertThat(shorter.servedLongTerm()).as("701 days are not two full years").isFalse();
    }

    // ---- SH-13
    @Test
    void SH13_keySpecialtyReachingASuburbPasses_otherwiseReported() {
        var f = new ConsortiumFixture();
        var lead = f.withKeySpecialty(f.municipalGeneral("市一", XUHUI), "心血管内科", KeySpecialtyLevel.NATIONAL);
        f.consortium("心血管专科联盟", ConsortiumForm.SPECIALTY_ALLIANCE, false, GovernanceType.COOPERATION, XUHUI, List.of(), List.of(),
                true, true, new Object[] {lead, MembershipRole.LEAD, MembershipBasis.OTHER, "心血管内科"},
                new Object[] {f.districtHospital("闵行区中心医院", MINHANG, true), MembershipRole.MEMBER});
        assertThat(f.evaluate(new SpecialtyAllianceLeadPolicy())).isEmpty();
        f.consortium("眼科联盟", ConsortiumForm.SPECIALTY_ALLIANCE, false, GovernanceType.COOPERATION, XUHUI, List.of(), List.of(),
                true, true, new Object[] {lead, MembershipRole.LEAD, MembershipBasis.OTHER, "眼科"},
                new Object[] {f.districtHospital("长宁区中心医院", CHANGNING, true), MembershipRole.MEMBER});
        assertThat(f.evaluate(new SpecialtyAllianceLeadPolicy())).extracting(Finding::aspect)
                .containsExactlyInAnyOrder("keySpecialty", "suburbs");
    }

    // ---- SH-14
    private List<Finding> sh14(boolean gp, java.time.@Nullable LocalDate start, java.time.@Nullable LocalDate end) {
        var f = new ConsortiumFixture();
        var p = f.practitioner(f.communityCentre("社区", CHANGNING), Profession.PHYSICIAN, Title.ATTENDING, TODAY.minusYears(3), gp, !gp);
        if (start != null) {
            f.study(p, start, end);
        }
        return f.evaluate(new StudyPeriodPolicy());
    }

    @Test
    void SH14_oneToThreeMonthsWithinTwoYearsPasses() {
        assertThat(sh14(true, TODAY.minusMonths(6), TODAY.minusMonths(5))).isEmpty();
        assertThat(sh14(false, TODAY.minusMonths(6), TODAY.minusMonths(3).minusDays(1))).isEmpty();
        assertThat(sh14(true, TODAY.minusYears(2).minusMonths(1), TODAY.minusYears(2))).isEmpty();
    }

    @Test
    void SH14_noStudyTooShortTooLongOrTooOldIsReported() {
        assertThat(sh14(true, null, null)).hasSize(1);
        assertThat(sh14(true, TODAY.minusMonths(6), TODAY.minusMonths(5).minusDays(2))).hasSize(1);
        assertThat(sh14(false, TODAY.minusMonths(6), TODAY.minusMonths(3))).hasSize(1);
        assertThat(sh14(true, TODAY.minusYears(2).minusMonths(1), TODAY.minusYears(2).minusDays(1))).hasSize(1);
    }

    @Test
    void SH14_exactlyOneMonthAndExactlyThreeMonthsInclusiveCount() {
        // 2026-03-01..2026-03-31 is one month; 2026-03-01..2026-05-31 three months (end dates inclusive)
        assertThat(sh14(true, java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 31))).isEmpty();
        assertThat(sh14(true, java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 5, 31))).isEmpty();
    }

    @Test
    void SH14_oneDayShortOfAMonthOrOneDayOverThreeMonthsIsReported() {
        assertThat(sh14(true, java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 3, 30))).hasSize(1);
        assertThat(sh14(true, java.time.LocalDate.of(2026, 3, 1), java.time.LocalDate.of(2026, 6, 1))).hasSize(1);
    }

    @Test
    void SH14_specialistsAndHospitalDoctorsAreNotConcerned() {
        var f = new ConsortiumFixture();
        f.practitioner(f.communityCentre("社区", CHANGNING), Profession.PHYSICIAN, Title.ATTENDING, TODAY, false, false);
        f.practitioner(f.municipalGeneral("市一", XUHUI), Profession.PHYSICIAN, Title.ATTENDING, TODAY, true, false);
        assertThat(f.evaluate(new StudyPeriodPolicy())).isEmpty();
    }

    // ---- SH-15
    private static Rule sh15() {
        return new RuleCatalogue().rule("SH-15").orElseThrow();
    }

    @Test
    void SH15_isNoDataWithoutTheReferralModule() {
        var all = ConsortiumFixture.districtWithMunicipalHospitals(1).evaluateAll(sh15());
        assertThat(all).extracting(Finding::status).containsExactly(FindingStatus.NO_DATA);
    }

    @Test
    void SH15_contractedReferralsBookedWithPriorityPass_oneWithoutIsReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var community = f.communityCentre("社区", CHANGNING).id().value();
        f.referralData(java.util.Map.of(community, 5L), java.util.Map.of(community, 3L), java.util.Map.of(community, 3L), List.of(),
                List.of(), List.of(), List.of());
        assertThat(f.evaluateAll(sh15())).isEmpty();
        f.referralData(java.util.Map.of(community, 5L), java.util.Map.of(community, 3L), java.util.Map.of(community, 2L), List.of(),
                List.of(), List.of(), List.of());
        assertThat(f.evaluateAll(sh15())).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(x.evidence()).endsWith("2/3");
        });
    }

    @Test
    void SH15_referralModulesRoutingWarningsReachThePlannersFindings() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var community = f.communityCentre("社区", CHANGNING);
        var elsewhere = f.municipalGeneral("市第十人民医院", PUDONG);
        f.referralData(java.util.Map.of(community.id().value(), 1L), java.util.Map.of(), java.util.Map.of(), List.of(), List.of(),
                List.of(), List.of(new org.medunion.policy.ReferralEvidenceSource.RoutingWarning("SH-15", "RF-2026-000007",
                        community.id().value(), elsewhere.id().value(), f.consortia.get(0).id().value(), TODAY)));
        assertThat(f.evaluateAll(sh15())).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("routing@RF-2026-000007");
            assertThat(x.objects()).contains("Organization/" + elsewhere.id());
        });
    }

    // ---- SH-16
    @Test
    void SH16_agreementCharterOfficeAndQualityGroupPass_missingOnesReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        assertThat(f.evaluate(new ConsortiumGovernancePolicy())).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains(Texts.term("agreement") + ", " + Texts.code(AgreementType.CHARTER)));
        f.agreement(c, AgreementType.COOPERATION, TODAY.minusYears(1), null, true, "写明");
        f.agreement(c, AgreementType.CHARTER, TODAY.minusYears(1), null, true, "写明");
        assertThat(f.evaluate(new ConsortiumGovernancePolicy())).isEmpty();
    }

    // ---- SH-17
    @Test
    void SH17_agreementWithoutQuantifiedTargetsIsReported_oneTargetPasses_chartersAreNotAsked() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var cooperation = f.agreement(c, AgreementType.COOPERATION, TODAY.minusYears(1), null, true, "写明");
        f.agreement(c, AgreementType.CHARTER, TODAY.minusYears(1), null, true, "写明");
        assertThat(f.evaluate(new QuantifiedTargetsPolicy())).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("targets@" + cooperation.id());
            assertThat(x.args()).containsExactly(c.name(), cooperation.title(), "0", "1");
        });
        f.withTargets(cooperation, 1);
        assertThat(f.evaluate(new QuantifiedTargetsPolicy())).isEmpty();
    }

    @Test
    void SH17_minimumComesFromThePack_twoAskedOneReported_twoPass() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var trusteeship = f.withTargets(f.agreement(c, AgreementType.TRUSTEESHIP, TODAY.minusYears(1), TODAY.plusYears(1), true, "写明"), 1);
        var two = new Parameters(List.of(new Parameters.Override(CHANGNING, "SH-17", "min", "2")));
        var rule = new QuantifiedTargetsPolicy();
        assertThat(rule.evaluate(f.snapshot(), two)).extracting(Finding::aspect).containsExactly("targets@" + trusteeship.id());
        f.withTargets(trusteeship, 2);
        assertThat(rule.evaluate(f.snapshot(), two)).isEmpty();
    }

    @Test
    void SH17_agreementEndedYesterdayIsNotAsked_oneEndingTodayIs() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        f.agreement(c, AgreementType.COOPERATION, TODAY.minusYears(3), TODAY.minusDays(1), true, "写明");
        assertThat(f.evaluate(new QuantifiedTargetsPolicy())).isEmpty();
        var today = f.agreement(c, AgreementType.COOPERATION, TODAY.minusYears(3), TODAY, true, "写明");
        assertThat(f.evaluate(new QuantifiedTargetsPolicy())).extracting(Finding::aspect).containsExactly("targets@" + today.id());
    }
}
