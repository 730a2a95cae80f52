package org.medunion.web;

import java.time.LocalDate;
import java.util.List;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.AgreementType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DispatchView;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.Ownership;
import org.medunion.registry.Profession;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.Title;
import org.medunion.support.RegistrySeeds;

/**
 * Intent-revealing registry data for console tests, created through the registry's facade as the system
 * (no logged-in user), each with a unique name so tests do not see each other's rows.
 */
final class ConsoleFixture {

    /** 长宁区, a Shanghai district inside the demo planner's jurisdiction (310000). */
    static final String DISTRICT = "310105";

    private final RegistryManagement registry;

    ConsoleFixture(RegistryManagement registry) {
        this.registry = registry;
    }

    static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 100_000_000L, 36).toUpperCase();
    }

    /** A valid GB 32100 credit code of a public institution (registration code 12) in the given district. */
    static String creditCode(String districtCode) {
        return RegistrySeeds.creditCode(districtCode);
    }

    InstitutionView districtHospital(String name) {
        return registry.registerInstitution(new RegisterInstitution(name, creditCode(DISTRICT),
                InstitutionCategory.GENERAL_HOSPITAL, HospitalLevel.SECONDARY, HospitalGrade.A, Ownership.PUBLIC,
                "长宁区卫生健康委员会", Affiliation.DISTRICT, false, DISTRICT, null, null, true, "长宁路 1 号",
                List.of(), List.of()));
    }

    InstitutionView communityCentre(String name) {
        return registry.registerInstitution(new RegisterInstitution(name, creditCode(DISTRICT),
                InstitutionCategory.COMMUNITY_HEALTH_CENTRE, HospitalLevel.PRIMARY, HospitalGrade.UNGRADED, Ownership.PUBLIC,
                "长宁区卫生健康委员会", Affiliation.DISTRICT, false, DISTRICT, null, null, false, "天山路 2 号",
                List.of(), List.of()));
    }

    /** A regional consortium led by a new district hospital with one community centre as member. */
    ConsortiumView regionalConsortium(String name, GridId... grids) {
        var lead = districtHospital(name + "区域医疗中心");
        var member = communityCentre(name + "社区卫生服务中心");
        LocalDate start = LocalDate.of(2024, 1, 1);
        return registry.formConsortium(new FormConsortium(name, ConsortiumForm.REGIONAL, true,
                GovernanceType.COOPERATION, DISTRICT, List.of(grids), start, false, null, true, true, List.of(),
                List.of(new AddMember(lead.id(), MembershipRole.LEAD, MembershipBasis.HOME_DISTRICT, start, null, null),
                        new AddMember(member.id(), MembershipRole.MEMBER, MembershipBasis.HOME_DISTRICT, start, null, null)),
                null));
    }

    /** A grid in {@link #DISTRICT} with a unique code. */
    GridView grid(String name, long population) {
        return registry.drawGrid(new DrawGrid(unique("G-"), name, DISTRICT, List.of("天山路街道", "仙霞新村街道"), population));
    }

    /** A cooperation agreement of the consortium's members and an expert from the lead dispatched to a member. */
    DispatchView withAgreementAndExpert(ConsortiumView consortium, String expertName) {
        var lead = consortium.lead().orElseThrow();
        var member = consortium.members().stream().filter(m -> m.role() == MembershipRole.MEMBER)
                .map(MembershipView::institutionId).findFirst().orElseThrow();
        var agreement = registry.recordAgreement(consortium.id(), new RecordAgreement(AgreementType.COOPERATION,
                "合作协议 " + consortium.name(), List.of(lead, member), LocalDate.of(2024, 1, 1), LocalDate.of(2028, 12, 31),
                LocalDate.of(2023, 12, 20), "牵头医院负责技术指导", "成员单位享有优先转诊", "双方共享检查结果",
                "按工作量分配医保结余", null));
        var expert = registry.registerPractitioner(new RegisterPractitioner(expertName, lead, Profession.PHYSICIAN,
                Title.ASSOCIATE_CHIEF, LocalDate.of(2015, 7, 1), "心血管内科", false, false));
        return registry.dispatchStaff(consortium.id(), new DispatchStaff(expert.id(), member, DispatchKind.EXPERT, null,
                "心血管内科", LocalDate.of(2024, 3, 1), LocalDate.of(2027, 2, 28), 2, agreement.id(), null));
    }
}
