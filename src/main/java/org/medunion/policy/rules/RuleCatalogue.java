package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every rule of rules.md, in catalogue order. */
public final class RuleCatalogue {

    private final List<Rule> rules;
    private final Map<String, Rule> byId = new LinkedHashMap<>();

    public RuleCatalogue() {
        List<Rule> all = new ArrayList<>();
        all.add(new CooperationFormPolicy());
        all.add(new RegionalConsortiumLeadPolicy());
        all.add(new DistrictHospitalLimitPolicy());
        all.add(new MunicipalHospitalDistrictLimitPolicy());
        all.add(new BranchCampusBasisPolicy());
        all.add(new TrusteeshipAgreementPolicy());
        all.add(new DispatchedManagersPolicy());
        all.add(new DispatchedPhysicianTitlePolicy());
        all.add(new StationedExpertsPolicy());
        all.add(new ChangeReportPolicy());
        all.add(new CrossProvinceApprovalPolicy());
        all.add(new DispatchQualificationReportPolicy());
        all.add(new SpecialtyAllianceLeadPolicy());
        all.add(new StudyPeriodPolicy());
        all.add(new ReferralEvidencePolicy("SH-15", Pack.SH, Severity.WARN, Set.of(ReferralEvidencePolicy.Check.PRIORITY)));
        all.add(new ConsortiumGovernancePolicy());
        all.add(new QuantifiedTargetsPolicy());

        all.add(new ConsortiumFormStructurePolicy());
        all.add(new ConsortiumCoveragePolicy());
        all.add(new PlaqueNamePolicy());
        all.add(SiphoningTrendPolicy.chronicAtTertiary());
        all.add(new LongPrescriptionEvidencePolicy());
        all.add(new ReferralEvidencePolicy("CQ-6", Pack.CQ, Severity.WARN, Set.of(ReferralEvidencePolicy.Check.PRIORITY)));
        all.add(new PracticeWithoutReregistrationPolicy());
        all.add(new NoDataRule("CQ-8", Pack.CQ, Severity.INFO, "indicators I-33, I-34"));
        all.add(SiphoningTrendPolicy.notReferredBack());
        all.add(new PovertyContractCoveragePolicy());

        all.add(new GridAssignmentPolicy());
        all.add(new GroupMemberRolesPolicy());
        all.add(new OneOfficeManyCentresPolicy());
        all.add(new ReleaseQuotaPolicy());
        all.add(new TeamSpecialistPolicy());
        all.add(new GroupGovernancePolicy());
        all.add(new BenefitSharingPolicy());
        all.add(new FormularyLinkagePolicy());
        all.add(new LeadHospitalTargetsPolicy());
        all.add(new PublicHealthDepartmentPolicy());

        all.addAll(NationalCriteria.all());

        all.add(new ReferralEvidencePolicy("CN-1", Pack.CN, Severity.INFO, Set.of(ReferralEvidencePolicy.Check.PLATFORM)));
        all.add(new SharedCentresPolicy());
        all.add(new ReferralEvidencePolicy("CN-3", Pack.CN, Severity.INFO, Set.of(ReferralEvidencePolicy.Check.ZONES)));
        all.add(new ReferralEvidencePolicy("CN-4", Pack.CN, Severity.INFO, Set.of(ReferralEvidencePolicy.Check.HOSPICE)));
        all.add(new TcmExpertDispatchPolicy());
        all.addAll(RecognitionRules.all());
        all.addAll(PrescriptionRules.all());
        all.addAll(TelemedicineRules.all());
        this.rules = List.copyOf(all);
        rules.forEach(r -> byId.put(r.id(), r));
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Rule> rule(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<NationalCriterion> nationalCriteria() {
        return rules.stream().filter(r -> r instanceof NationalCriterion).map(r -> (NationalCriterion) r).toList();
    }
}
