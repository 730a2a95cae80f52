package org.medunion.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medunion.policy.rules.ConsortiumFixture.CHANGNING;
import static org.medunion.policy.rules.ConsortiumFixture.MINHANG;
import static org.medunion.policy.rules.ConsortiumFixture.TODAY;
import static org.medunion.policy.rules.ConsortiumFixture.XUHUI;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medunion.policy.ReleaseRatioSource;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Title;

/** Packs CQ, NN and CN: each rule on both sides of its threshold. */
class CqNnCnRulesTest {

    private static Object[] m(org.medunion.registry.InstitutionView i, MembershipRole r) {
        return new Object[] {i, r};
    }

    // ---- CQ-1
    @Test
    void CQ1_countyCommunityLedByCountyHospitalWithTownshipHubPasses_otherwiseReported() {
        var f = new ConsortiumFixture();
        var county = f.institution("县人民医院", InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.SECONDARY, Affiliation.COUNTY, false,
                MINHANG, false);
        var township = f.institution("镇卫生院", InstitutionCategory.TOWNSHIP_HOSPITAL, HospitalLevel.PRIMARY, Affiliation.TOWNSHIP, false,
                MINHANG, false);
        f.consortium("医共体", ConsortiumForm.COUNTY_COMMUNITY, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, MINHANG, List.of(),
                List.of(), true, true, m(county, MembershipRole.LEAD), m(township, MembershipRole.MEMBER));
        assertThat(f.evaluate(new ConsortiumFormStructurePolicy())).isEmpty();
        f.consortium("无枢纽医共体", ConsortiumForm.COUNTY_COMMUNITY, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, MINHANG, List.of(),
                List.of(), true, true, m(county, MembershipRole.LEAD));
        f.consortium("区牵头集团", ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, MINHANG, List.of(),
                List.of(), true, true, m(f.districtHospital("区医院", MINHANG, false), MembershipRole.LEAD));
        assertThat(f.evaluate(new ConsortiumFormStructurePolicy())).extracting(Finding::aspect).containsExactlyInAnyOrder("hubs", "lead");
    }

    // ---- CQ-2
    @Test
    void CQ2_districtWithOneConsortiumPasses_districtWithNoneAndUnjoinedTertiaryReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var findings = f.evaluate(new ConsortiumCoveragePolicy());
        assertThat(findings).filteredOn(x -> x.aspect().equals("district")).extracting(x -> x.subject().key())
                .doesNotContain(CHANGNING, XUHUI).contains(MINHANG);
        var lonely = f.municipalGeneral("未加入医院", MINHANG);
        assertThat(f.evaluate(new ConsortiumCoveragePolicy())).filteredOn(x -> x.aspect().equals("tertiary"))
                .extracting(x -> x.subject().key()).containsExactly(lonely.id().toString());
    }

    @Test
    void CQ2_tertiaryPublicHospitalThatOnlyJoinsIsReported_leadingPasses() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var member = f.institutions.get(1); // tertiary municipal hospital, technical support only
        assertThat(f.evaluate(new ConsortiumCoveragePolicy())).filteredOn(x -> x.aspect().equals("tertiaryLead"))
                .extracting(x -> x.subject().key()).containsExactly(member.id().toString());
        f.consortium("专科联盟", org.medunion.registry.ConsortiumForm.SPECIALTY_ALLIANCE, false,
                org.medunion.registry.GovernanceType.COOPERATION, XUHUI, List.of(), List.of(), true, true,
                new Object[] {member, MembershipRole.LEAD});
        assertThat(f.evaluate(new ConsortiumCoveragePolicy())).filteredOn(x -> x.aspect().equals("tertiaryLead")).isEmpty();
    }

    @Test
    void CQ2_minimumPerDistrictIsAParameter() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var two = new Parameters(List.of(new Parameters.Override(CHANGNING, "CQ-2", "min", "2")));
        assertThat(f.evaluate(new ConsortiumCoveragePolicy(), two)).filteredOn(x -> x.aspect().equals("district"))
                .extracting(x -> x.subject().key()).contains(CHANGNING);
    }

    // ---- CQ-3
    @Test
    void CQ3_plaqueUsedAsRegisteredNameIsReported_ordinaryNamePasses() {
        var f = new ConsortiumFixture();
        var ok = f.communityCentre("天山社区卫生服务中心", CHANGNING);
        var plaque = f.communityCentre("同仁医疗集团医院", CHANGNING);
        f.regional("同仁医疗集团", CHANGNING, m(ok, MembershipRole.MEMBER), m(plaque, MembershipRole.MEMBER));
        assertThat(f.evaluate(new PlaqueNamePolicy())).extracting(x -> x.subject().name()).containsExactly("同仁医疗集团医院");
    }

    // ---- CQ-4, CQ-5, CQ-6, CQ-8, CQ-9, SH-15, NN-5, NN-8, NN-9, CN-1, CN-3, CN-4: no data yet, never a silent pass
    @Test
    void CQ4_CQ5_CQ6_CQ8_CQ9_CN1_CN3_CN4_reportNoDataPerJurisdictionWithoutTheirModules() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var catalogue = new RuleCatalogue();
        for (String id : List.of("CQ-4", "CQ-5", "CQ-6", "CQ-8", "CQ-9", "CN-1", "CN-3", "CN-4")) {
            var all = f.evaluateAll(catalogue.rule(id).orElseThrow());
            assertThat(all).as(id).singleElement().satisfies(x -> {
                assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA);
                assertThat(x.subject().type()).isEqualTo(SubjectType.JURISDICTION);
            });
        }
    }

    /** 长宁: a nursing home, a community centre that refers, zones and hospice centres from the referral module. */
    private static ConsortiumFixture changningReferrals(boolean homeMapped, boolean regionalHospice) {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var home = f.institution("长宁养老院", org.medunion.registry.InstitutionCategory.NURSING_HOME,
                org.medunion.registry.HospitalLevel.UNRATED,
                org.medunion.registry.Affiliation.DISTRICT, false, CHANGNING, false);
        var community = f.communityCentre("社区", CHANGNING);
        var backing = f.institutions.get(0);
        var zone = new org.medunion.policy.ReferralEvidenceSource.Zone(CHANGNING, "EAST", backing.id().value(),
                homeMapped ? List.of(home.id().value()) : List.of());
        var hospice = new org.medunion.policy.ReferralEvidenceSource.HospiceCentre(community.id().value(), CHANGNING, regionalHospice);
        return f.referralData(java.util.Map.of(community.id().value(), 4L), java.util.Map.of(), java.util.Map.of(), List.of(zone),
                List.of(hospice), List.of(), List.of());
    }

    @Test
    void CN1_CN3_CN4_evaluatedFromTheReferralModulesData() {
        var catalogue = new RuleCatalogue();
        var f = changningReferrals(true, true);
        for (String id : List.of("CN-1", "CN-3", "CN-4")) {
            assertThat(inChangning(f.evaluateAll(catalogue.rule(id).orElseThrow()))).as(id).isEmpty();
        }
    }

    @Test
    void CN3_nursingHomeOutsideEveryZoneIsReported_CN4_noRegionalHospiceCentreIsReported() {
        var catalogue = new RuleCatalogue();
        var f = changningReferrals(false, false);
        assertThat(inChangning(f.evaluateAll(catalogue.rule("CN-3").orElseThrow()))).extracting(Finding::aspect)
                .containsExactly("unmapped");
        assertThat(inChangning(f.evaluateAll(catalogue.rule("CN-4").orElseThrow()))).extracting(Finding::aspect)
                .containsExactly("regional");
    }

    @Test
    void CN3_nursingHomeWithoutAPatrolIsReported_onePatrolPasses_zonesStillEvaluatedWithoutPatrols() {
        var catalogue = new RuleCatalogue();
        var f = changningReferrals(true, true);
        var home = f.institutions.stream().filter(i -> i.category() == InstitutionCategory.NURSING_HOME).findFirst().orElseThrow();
        f.consultations = day -> new org.medunion.policy.ConsultationEvidenceSource.ConsultationEvidence(java.util.Map.of(),
                java.util.Map.of(home.id().value(), 1L));
        assertThat(inChangning(f.evaluateAll(catalogue.rule("CN-3").orElseThrow()))).isEmpty();
        f.consultations = day -> new org.medunion.policy.ConsultationEvidenceSource.ConsultationEvidence(java.util.Map.of(),
                java.util.Map.of());
        assertThat(inChangning(f.evaluateAll(catalogue.rule("CN-3").orElseThrow()))).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("patrol@" + home.id());
            assertThat(x.status()).isEqualTo(FindingStatus.OPEN);
        });
        // no patrols recorded anywhere: the zones are still judged from the referral module's data
        var unmapped = changningReferrals(false, true);
        unmapped.consultations = f.consultations;
        var otherHome = unmapped.institutions.stream().filter(i -> i.category() == InstitutionCategory.NURSING_HOME).findFirst()
                .orElseThrow();
        assertThat(inChangning(unmapped.evaluateAll(catalogue.rule("CN-3").orElseThrow()))).extracting(Finding::aspect)
                .containsExactlyInAnyOrder("unmapped", "patrol@" + otherHome.id());
    }

    /** The fixture applies every pack city-wide; CN is 长宁's own pack. */
    private static List<Finding> inChangning(List<Finding> findings) {
        return findings.stream().filter(x -> CHANGNING.equals(x.subject().divisionCode())).toList();
    }

    @Test
    void CN1_districtWithoutReferralsThroughThePlatformIsReported() {
        var f = changningReferrals(true, true);
        f.referralData(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), Objects.requireNonNull(f.referrals).zones(),
                Objects.requireNonNull(f.referrals).hospiceCentres(),
                List.of(), List.of());
        assertThat(inChangning(f.evaluateAll(new RuleCatalogue().rule("CN-1").orElseThrow()))).extracting(Finding::aspect)
                .containsExactly("platform");
    }

    @Test
    void NN5_NN8_NN9_reportNoDataPerUrbanGroup() {
        var f = nanningGroup();
        var catalogue = new RuleCatalogue();
        for (String id : List.of("NN-5", "NN-8")) { // NN-5 without the residents module's teams
            assertThat(f.evaluateAll(catalogue.rule(id).orElseThrow())).as(id).singleElement()
                    .satisfies(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
        }
        // NN-9 without the indicators module: its lead-hospital targets and the targets with no platform data at all
        assertThat(f.evaluateAll(catalogue.rule("NN-9").orElseThrow())).hasSize(2)
                .allSatisfy(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
        assertThat(catalogue.rule("NN-9").orElseThrow().defaults()).containsEntry("visitsPerDischarge", "15")
                .containsEntry("level4SurgeryShare", "0.12").containsEntry("lengthOfStay", "7.5")
                .containsEntry("basicStandardShare", "0.8").containsEntry("newCommunityHospitals", "2");
    }

    // ---- CQ-7
    @Test
    void CQ7_dispatchCoveredBySignedAgreementPasses_uncoveredReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        var c = f.consortia.get(0);
        var p = f.physician(f.institutions.get(1), Title.CHIEF, TODAY.minusYears(3));
        f.dispatch(c, p, f.institutions.get(0), DispatchKind.EXPERT, null, "骨科", TODAY.minusDays(3), null, 2, null);
        assertThat(f.evaluate(new PracticeWithoutReregistrationPolicy())).hasSize(1);
        f.agreement(c, AgreementType.COOPERATION, TODAY.minusYears(1), null, true, "写明", f.institutions.get(0), f.institutions.get(1));
        assertThat(f.evaluate(new PracticeWithoutReregistrationPolicy())).isEmpty();
    }

    // ---- NN
    private ConsortiumFixture nanningGroup() {
        var f = new ConsortiumFixture();
        var grid = f.grid(CHANGNING, 693_000);
        var lead = f.inGrid(f.municipalGeneral("市第一人民医院", CHANGNING), grid.id());
        var member = f.inGrid(f.communityCentre("社区中心", CHANGNING), grid.id());
        f.consortium("市一医疗集团", ConsortiumForm.URBAN_GROUP, true, GovernanceType.SINGLE_LEGAL_REPRESENTATIVE, CHANGNING,
                List.of(grid.id()), List.of("HR", "FINANCE", "MEDICAL", "NURSING", "LOGISTICS", "PHARMACY", "EQUIPMENT", "INSURANCE",
                        "IT", "AUDIT", "LAB", "IMAGING", "ECG", "PATHOLOGY", "STERILISATION"),
                true, true,
                m(lead, MembershipRole.LEAD), m(member, MembershipRole.MEMBER));
        return f;
    }

    @Test
    void NN1_gridWithOneGroupPasses_unassignedAndDoublyAssignedReported() {
        var f = nanningGroup();
        assertThat(f.evaluate(new GridAssignmentPolicy())).isEmpty();
        f.grid(MINHANG, 100);
        var g = f.consortia.get(0).gridIds().get(0);
        f.consortium("市二医疗集团", ConsortiumForm.URBAN_GROUP, true, GovernanceType.TRUSTEESHIP, CHANGNING, List.of(g), List.of(),
                true, true, m(f.municipalGeneral("市二", CHANGNING), MembershipRole.LEAD));
        assertThat(f.evaluate(new GridAssignmentPolicy())).extracting(Finding::aspect).containsExactlyInAnyOrder("unassigned", "multiple");
    }

    @Test
    void NN2_memberOutsideTheGridShouldBeCollaborator_crossGridCategoriesExempt() {
        var f = nanningGroup();
        var c = f.consortia.get(0);
        assertThat(f.evaluate(new GroupMemberRolesPolicy())).isEmpty();
        var rehab = f.institution("康复医院", InstitutionCategory.REHAB, HospitalLevel.SECONDARY, Affiliation.DISTRICT, false, MINHANG, false);
        var outside = f.communityCentre("外区社区", MINHANG);
        var members = new java.util.ArrayList<>(c.members());
        members.add(new org.medunion.registry.MembershipView(java.util.UUID.randomUUID(), c.id(), rehab.id(), MembershipRole.MEMBER,
                null, TODAY.minusDays(1), null, null, null));
        members.add(new org.medunion.registry.MembershipView(java.util.UUID.randomUUID(), c.id(), outside.id(), MembershipRole.MEMBER,
                null, TODAY.minusDays(1), null, null, null));
        f.replace(c, new org.medunion.registry.ConsortiumView(c.id(), c.name(), c.form(), c.tight(), c.governance(), c.districtCode(),
                c.gridIds(), true, c.establishedOn(), null, false, null, true, true, c.centres(), members, 0, null));
        assertThat(f.evaluate(new GroupMemberRolesPolicy())).extracting(Finding::aspect).containsExactly("outside@" + outside.id());
    }

    @Test
    void NN3_officeAndTenCentresPass_missingCentreReported() {
        var f = nanningGroup();
        assertThat(f.evaluate(new OneOfficeManyCentresPolicy())).isEmpty();
        f.consortium("松散集团", ConsortiumForm.URBAN_GROUP, false, GovernanceType.COOPERATION, MINHANG, List.of(), List.of("HR"),
                false, true, m(f.municipalGeneral("市三", MINHANG), MembershipRole.LEAD));
        assertThat(f.evaluate(new OneOfficeManyCentresPolicy())).singleElement()
                .satisfies(x -> assertThat(x.evidence()).contains("policy.term.managementOffice").contains("enum.Centre.AUDIT")
                        .doesNotContain("enum.Centre.HR⟧"));
    }

    private static ReleaseRatioSource ratio(long rs, long ts, long rb, long tb) {
        return id -> Optional.of(new ReleaseRatioSource.ReleaseRatio("2026-11", rs, ts, rb, tb));
    }

    @Test
    void NN4_exactlyOneThirdOfSlotsAndOneQuarterOfBedsPass() {
        var f = nanningGroup();
        f.releaseRatios = ratio(100, 300, 25, 100);
        assertThat(f.evaluateAll(new ReleaseQuotaPolicy())).isEmpty();
    }

    @Test
    void NN4_oneSlotOrBedShortIsBlocked() {
        var f = nanningGroup();
        f.releaseRatios = ratio(99, 300, 24, 100);
        assertThat(f.evaluate(new ReleaseQuotaPolicy())).extracting(Finding::aspect).containsExactlyInAnyOrder("slots", "beds")
                .hasSize(2);
        assertThat(f.evaluate(new ReleaseQuotaPolicy())).allMatch(x -> x.severity() == Severity.BLOCK);
    }

    // ---- NN-5
    @Test
    void NN5_oneHospitalPhysicianInTheCommunityCentresTeamsPasses_noneOrAMovedOneIsReported() {
        var f = nanningGroup();
        var lead = f.institutions.get(0);
        var centre = f.institutions.get(1);
        var specialist = f.physician(lead, Title.ATTENDING, TODAY.minusYears(2));
        var colleague = f.physician(centre, Title.ATTENDING, TODAY.minusYears(2));
        f.teams = () -> java.util.Map.of(centre.id(), java.util.Set.of(specialist.id()));
        assertThat(f.evaluateAll(new TeamSpecialistPolicy())).isEmpty();

        f.teams = java.util.Map::of;
        assertThat(f.evaluate(new TeamSpecialistPolicy())).singleElement().satisfies(x -> {
            assertThat(x.aspect()).isEqualTo("team@" + centre.id().value());
            assertThat(x.severity()).isEqualTo(Severity.WARN);
        });

        // a community centre's own physician in the team does not count
        f.teams = () -> java.util.Map.of(centre.id(), java.util.Set.of(colleague.id()));
        assertThat(f.evaluate(new TeamSpecialistPolicy())).hasSize(1);
    }

    @Test
    void NN5_minimumIsAParameter() {
        var f = nanningGroup();
        var specialist = f.physician(f.institutions.get(0), Title.ATTENDING, TODAY.minusYears(2));
        f.teams = () -> java.util.Map.of(f.institutions.get(1).id(), java.util.Set.of(specialist.id()));
        assertThat(new RuleCatalogue().rule("NN-5").orElseThrow().defaults()).containsEntry("min", "1");
        assertThat(f.evaluate(new TeamSpecialistPolicy())).isEmpty();
        var two = new Parameters(List.of(new Parameters.Override(CHANGNING, "NN-5", "min", "2")));
        assertThat(f.evaluate(new TeamSpecialistPolicy(), two)).hasSize(1);
    }

    @Test
    void NN4_withoutSchedulingDataIsNoData() {
        assertThat(nanningGroup().evaluateAll(new ReleaseQuotaPolicy())).singleElement()
                .satisfies(x -> assertThat(x.status()).isEqualTo(FindingStatus.NO_DATA));
    }

    @Test
    void NN6_singleLegalRepresentativeOrTrusteeshipPass_cooperationReported() {
        var f = nanningGroup();
        assertThat(f.evaluate(new GroupGovernancePolicy())).isEmpty();
        f.consortium("合作集团", ConsortiumForm.URBAN_GROUP, false, GovernanceType.COOPERATION, MINHANG, List.of(), List.of(),
                true, true, m(f.municipalGeneral("市三", MINHANG), MembershipRole.LEAD));
        assertThat(f.evaluate(new GroupGovernancePolicy())).hasSize(1);
    }

    @Test
    void NN7_signedAgreementWithBenefitSharingPasses_otherwiseReported() {
        var f = nanningGroup();
        assertThat(f.evaluate(new BenefitSharingPolicy())).hasSize(1);
        f.agreement(f.consortia.get(0), AgreementType.COOPERATION, TODAY.minusYears(1), null, true, "业务分成、管理费用");
        assertThat(f.evaluate(new BenefitSharingPolicy())).isEmpty();
    }

    // ---- NN-10
    private static org.medunion.registry.PublicHealthDepartmentView department(org.medunion.registry.InstitutionView i,
                                                                               java.time.LocalDate established, int staff) {
        return new org.medunion.registry.PublicHealthDepartmentView(i.id(), established, staff);
    }

    @Test
    void NN10_publicHospitalWithoutADepartmentIsReported_oneDedicatedStaffPasses_noneIsReported() {
        var f = nanningGroup();
        var lead = f.institutions.get(0); // public municipal hospital; the community centre is not a hospital
        assertThat(f.evaluateAll(new PublicHealthDepartmentPolicy())).singleElement().satisfies(x -> {
            assertThat(x.status()).isEqualTo(FindingStatus.OPEN);
            assertThat(x.aspect()).isEqualTo("missing");
            assertThat(x.severity()).isEqualTo(Severity.WARN);
            assertThat(x.subject().key()).isEqualTo(lead.id().toString());
            assertThat(x.evidence()).contains("市一医疗集团", "市第一人民医院");
        });
        f.publicHealthDepartments.add(department(lead, TODAY.minusYears(1), 1));
        assertThat(f.evaluateAll(new PublicHealthDepartmentPolicy())).isEmpty();
        f.publicHealthDepartments.set(0, department(lead, TODAY.minusYears(1), 0));
        assertThat(f.evaluateAll(new PublicHealthDepartmentPolicy())).singleElement()
                .satisfies(x -> assertThat(x.aspect()).isEqualTo("staff"));
    }

    @Test
    void NN10_departmentEstablishedOnTheAsOfDayCounts_theDayAfterDoesNot() {
        var f = nanningGroup();
        var lead = f.institutions.get(0);
        f.publicHealthDepartments.add(department(lead, TODAY, 3));
        assertThat(f.evaluate(new PublicHealthDepartmentPolicy())).isEmpty();
        f.publicHealthDepartments.set(0, department(lead, TODAY.plusDays(1), 3));
        assertThat(f.evaluate(new PublicHealthDepartmentPolicy())).extracting(Finding::aspect).containsExactly("missing");
    }

    @Test
    void NN10_minimumStaffIsAParameter_privateHospitalsAndNonGroupsAreNotChecked() {
        var f = nanningGroup();
        var lead = f.institutions.get(0);
        f.publicHealthDepartments.add(department(lead, TODAY.minusYears(1), 2));
        assertThat(new RuleCatalogue().rule("NN-10").orElseThrow().defaults()).containsEntry("staff", "1");
        var three = new Parameters(List.of(new Parameters.Override(CHANGNING, "NN-10", "staff", "3")));
        assertThat(f.evaluate(new PublicHealthDepartmentPolicy(), three)).extracting(Finding::aspect).containsExactly("staff");
        var two = new Parameters(List.of(new Parameters.Override(CHANGNING, "NN-10", "staff", "2")));
        assertThat(f.evaluate(new PublicHealthDepartmentPolicy(), two)).isEmpty();
        // a public hospital in a regional consortium (not an urban group) is not NN-10's subject
        assertThat(ConsortiumFixture.districtWithMunicipalHospitals(1).evaluateAll(new PublicHealthDepartmentPolicy())).isEmpty();
        var g = nanningGroup();
        var privateLead = g.replace(g.institutions.get(0), withOwnership(g.institutions.get(0), org.medunion.registry.Ownership.PRIVATE));
        assertThat(privateLead.isPublicHospital()).isFalse();
        assertThat(g.evaluate(new PublicHealthDepartmentPolicy())).isEmpty();
    }

    private static org.medunion.registry.InstitutionView withOwnership(org.medunion.registry.InstitutionView i,
                                                                       org.medunion.registry.Ownership o) {
        return new org.medunion.registry.InstitutionView(i.id(), i.name(), i.creditCode(), i.category(), i.level(), i.grade(), o,
                i.ownerBody(), i.affiliation(), i.tcm(), i.districtCode(), i.gridId(), i.parentId(), i.regionalMedicalCentre(),
                i.address(), i.campuses(), i.keySpecialties(), 0, java.time.Instant.EPOCH);
    }

    // ---- CN
    @Test
    void CN2_regionalCentreWithImagingAndPreReviewCentresPasses_otherwiseReported() {
        var f = ConsortiumFixture.districtWithMunicipalHospitals(1);
        assertThat(f.evaluate(new SharedCentresPolicy())).hasSize(1);
        var c = f.consortia.get(0);
        f.replace(c, new org.medunion.registry.ConsortiumView(c.id(), c.name(), c.form(), c.tight(), c.governance(), c.districtCode(),
                c.gridIds(), true, c.establishedOn(), null, false, null, true, true, List.of("IMAGING", "PRESCRIPTION_REVIEW"), c.members(),
                0, null));
        assertThat(f.evaluate(new SharedCentresPolicy())).isEmpty();
    }

    @Test
    void CN5_tcmConsortiumWithTcmExpertInCommunityPasses_withoutReported() {
        var f = new ConsortiumFixture();
        var tcm = f.institution("天山中医医院", InstitutionCategory.TCM_HOSPITAL, HospitalLevel.SECONDARY, Affiliation.DISTRICT, true, CHANGNING,
                false);
        var community = f.communityCentre("天山社区", CHANGNING);
        var c = f.consortium("中医医联体", ConsortiumForm.SPECIALTY_ALLIANCE, false, GovernanceType.COOPERATION, CHANGNING,
                List.of(GridId.random()),
                List.of(), true, true, new Object[] {tcm, MembershipRole.LEAD, null, "中医"}, m(community, MembershipRole.MEMBER));
        assertThat(f.evaluate(new TcmExpertDispatchPolicy())).hasSize(1);
        f.dispatch(c, f.physician(tcm, Title.CHIEF, TODAY.minusYears(3)), community, DispatchKind.EXPERT, null, "中医", TODAY.minusDays(1),
                null, 2, null);
        assertThat(f.evaluate(new TcmExpertDispatchPolicy())).isEmpty();
    }
}
