package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.referral.ReferralManagement;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementTarget;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.Ownership;
import org.medunion.registry.Profession;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.TargetArea;
import org.medunion.registry.Title;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.ResidentIdNumber;
import org.springframework.stereotype.Component;

/**
 * CN-3 in the demo city (seed 003: "将全区划分为东、中、西三个片区…建立区级救治专家组，对东、中、西三个片区的护理院提供线上线下会诊"):
 * 长宁's three emergency zones, each backed by a hospital — 东片区 the district TCM hospital, 中片区 the regional medical
 * centre (the lead hospital of the office's consortium), 西片区 the 11th People's Hospital (its 长宁 campus) — with the
 * district's nursing homes mapped to them; an elderly-care institution with an in-house clinic ({@value #NAME}) in
 * 中片区 that is not a member of the office's consortium, its physician (the {@value #ACCOUNT} demo account) and one
 * resident it cares for; and the district's emergency telemedicine network (the 区级救治专家组) led by the regional
 * medical centre, whose cooperation agreement is the TM-1 agreement between the institution and its zone hospital.
 * All through the registry's, the referral module's and the residents module's public commands, as the system.
 */
@Component
class DemoNursingHome {

    /** The elderly-care institution of the demo's nursing-home consultations, outside the office's consortium. */
    static final String NAME = "长宁区天山颐养院";
    /** Its physician's demo account (a clinician of the institution, password demo). */
    static final String ACCOUNT = "nursinghome";
    static final String NETWORK = "长宁区应急医疗救治远程会诊协作网";
    static final String DISTRICT = ShanghaiDemo.CHANGNING;
    /** A GB 11714 organisation number far from the generator's (100,000–400,000 plus the count). */
    private static final int ORGANISATION_NUMBER = 9_310_105;

    private final RegistryManagement registry;
    private final ReferralManagement referrals;
    private final ResidentsManagement residents;

    DemoNursingHome(RegistryManagement registry, ReferralManagement referrals, ResidentsManagement residents) {
        this.registry = registry;
        this.referrals = referrals;
        this.residents = residents;
    }

    /** What {@link #seed} made, for the consultations and the patrol. */
    record Home(UUID homeId, UUID zoneHospitalId, UUID otherHospitalId, UUID residentId) {
    }

    /** Zones, the institution, its physician and resident, the network and its agreements; empty without the keyed hospitals. */
    Optional<Home> seed(DemoCityLoaded city, LocalDate today) {
        InstitutionId tcm = city.institutions().get("sh." + DISTRICT + ".tcm");
        InstitutionId existingHome = city.institutions().get("sh." + DISTRICT + ".nursing");
        if (tcm == null || existingHome == null) {
            return Optional.empty();
        }
        UUID lead = city.leadHospital().value();
        UUID east = referrals.defineZone(DISTRICT, "东片区", tcm.value());
        UUID central = referrals.defineZone(DISTRICT, "中片区", lead);
        referrals.defineZone(DISTRICT, "西片区", city.municipalHospital().value());
        referrals.assignToZone(existingHome.value(), east);
        InstitutionView home = registry.registerInstitution(new RegisterInstitution(NAME,
                DemoCodes.creditCode(Ownership.PRIVATE, DISTRICT, ORGANISATION_NUMBER), InstitutionCategory.NURSING_HOME,
                HospitalLevel.UNRATED, HospitalGrade.UNGRADED, Ownership.PRIVATE, "民办非企业", Affiliation.DISTRICT, false,
                DISTRICT, null, null, false, "长宁区天山路（演示）", List.of(), List.of()));
        referrals.assignToZone(home.id().value(), central);
        registry.registerPractitioner(new RegisterPractitioner("陈静", home.id(), Profession.PHYSICIAN, Title.ATTENDING,
                today.minusYears(9).minusDays(40), "全科医学", true, false));
        registry.registerPractitioner(new RegisterPractitioner("吴丽华", home.id(), Profession.NURSE, Title.ATTENDING,
                today.minusYears(6).minusDays(75), "护理", false, false));
        network(lead, tcm.value(), home.id().value(), today.minusMonths(6).withDayOfMonth(1));
        UUID resident = resident(home.id(), today);
        return Optional.of(new Home(home.id().value(), lead, tcm.value(), resident));
    }

    /**
     * The district's emergency telemedicine network: the regional medical centre leads the expert group, the TCM hospital
     * and the elderly-care institution are members; charter and a cooperation agreement with a telemedicine section and
     * targets (TM-1, SH-16, SH-17).
     */
    private void network(UUID lead, UUID tcm, UUID home, LocalDate est) {
        var members = List.of(new AddMember(new InstitutionId(lead), MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, est,
                "急诊医学科", null),
                new AddMember(new InstitutionId(tcm), MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est, null, null),
                new AddMember(new InstitutionId(home), MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, est, null, null));
        var network = registry.formConsortium(new FormConsortium(NETWORK, ConsortiumForm.TELEMEDICINE_NETWORK, false,
                GovernanceType.COOPERATION, DISTRICT, List.of(), est, false, null, true, true, List.of("IT"), members, null));
        List<InstitutionId> parties = members.stream().map(AddMember::institutionId).toList();
        registry.recordAgreement(network.id(), new RecordAgreement(AgreementType.CHARTER, NETWORK + "章程", parties, est, null,
                est, "区级救治专家组对东、中、西三个片区的护理院和养老机构提供线上线下会诊和指导治疗", "成员单位平等参与决策", "资源共享、分级诊疗",
                null, null));
        LocalDate end = est.plusYears(3).minusDays(1);
        registry.recordAgreement(network.id(), new RecordAgreement(AgreementType.COOPERATION, NETWORK + "远程医疗合作协议", parties,
                est, end, est,
                "合作目的：片区护理院、养老机构老年患者的远程会诊与指导治疗；合作内容与流程：邀请方发起会诊申请，受邀方及时决定是否接受并出具会诊意见",
                "邀请方承担诊疗责任，受邀方对会诊意见内容负责；医疗损害风险和责任按双方过错分担", "远程会诊服务按协议收费",
                "按服务量结算", "专家组每月安排远程会诊与巡诊",
                List.of(new AgreementTarget(TargetArea.TECHNOLOGY, "片区养老机构远程会诊响应", BigDecimal.valueOf(24), "小时", end),
                        new AgreementTarget(TargetArea.TALENT, "培训养老机构医务人员", BigDecimal.valueOf(10), "人", end)),
                null));
    }

    private UUID resident(InstitutionId home, LocalDate today) {
        return residents.importResidents(List.of(resident(home.value(), today))).get(0).value();
    }

    /**
     * The institution's resident (its own record): an elderly woman born in 长宁, with a valid GB 11643 ID number.
     * Registering it again links to the same resident (the diagnostics demo finds her so).
     */
    static RegisterResident resident(UUID home, LocalDate today) {
        LocalDate birth = today.minusYears(84).withMonth(3).withDayOfMonth(12);
        String first17 = DISTRICT + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "482";
        String id = first17 + ResidentIdNumber.checkCharacter(first17);
        return new RegisterResident(id, "沈桂英", "2", birth, "13917250418", DISTRICT, new InstitutionId(home), "YY-0001");
    }
}
