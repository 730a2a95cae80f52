package org.medunion.scheduling;

import static org.medunion.support.RegistrySeeds.idNumber;
import static org.medunion.support.RegistrySeeds.institution;
import static org.medunion.support.RegistrySeeds.practitioner;
import static org.medunion.support.RegistrySeeds.unique;

import java.time.LocalDate;
import java.util.List;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.AddMember;
import org.medunion.registry.Affiliation;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.FormTeam;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentsManagement;
import org.medunion.residents.SignContract;
import org.medunion.residents.TeamId;

/**
 * Intent-revealing test data for scheduling: an urban medical group led by a municipal hospital, with a
 * district hospital and a community health centre, a family-doctor team, a contracted and an uncontracted
 * resident, and accounts for the GP, the lead hospital's specialist and the district hospital's specialist.
 */
public final class SchedulingFixture {

    private SchedulingFixture() {
    }

    /**
     * One consortium.
     *
     * @param contracted resident with a "1+1+1" contract at {@code primary}
     * @param stranger   resident registered but contracted nowhere
     */
    public record Group(ConsortiumId consortium, InstitutionId lead, InstitutionId district, InstitutionId primary,
                        ResidentId contracted, ResidentId stranger, String gpUser, String leadUser, String districtUser) {
    }

    public static Group group(RegistryManagement registry, ResidentsManagement residents, AccountManagement accounts) {
        String tag = unique("sch");
        InstitutionId lead = institution(registry, "市第六人民医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL,
                HospitalLevel.TERTIARY, Affiliation.MUNICIPAL);
        InstitutionId district = institution(registry, "区中心医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL,
                HospitalLevel.SECONDARY, Affiliation.DISTRICT);
        InstitutionId primary = institution(registry, "社区卫生服务中心 " + tag, InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                HospitalLevel.PRIMARY, Affiliation.DISTRICT);
        LocalDate established = LocalDate.now().minusYears(1);
        ConsortiumId consortium = registry.formConsortium(new FormConsortium("城市医疗集团 " + tag, ConsortiumForm.URBAN_GROUP,
                true, GovernanceType.COOPERATION, "310104", List.of(), established, false, null, true, true, List.of(),
                List.of(member(lead, MembershipRole.LEAD, established), member(district, MembershipRole.MEMBER, established),
                        member(primary, MembershipRole.MEMBER, established)),
                "test fixture")).id();
        PractitionerId gp = practitioner(registry, "王全科", primary, Profession.PHYSICIAN);
        PractitionerId nurse = practitioner(registry, "李护士", primary, Profession.NURSE);
        PractitionerId specialist = practitioner(registry, "张专科", district, Profession.PHYSICIAN);
        TeamId team = residents.importTeams(List.of(new FormTeam(primary, "家庭医生团队 " + tag, gp, nurse, List.of(specialist)))).get(0);
        List<ResidentId> people = residents.importResidents(List.of(
                new RegisterResident(idNumber(), "陈静", null, null, null, null, primary, null),
                new RegisterResident(idNumber(), "吴刚", null, null, null, null, district, null)));
        residents.importContracts(List.of(new SignContract(people.get(0), team, district, lead, LocalDate.now().minusDays(30),
                null, List.of(), List.of())));
        String gpUser = unique("gp");
        accounts.ensureAccount(new NewAccount(gpUser, "demo", "GP " + tag, Role.GP, Scope.institution(primary.value())));
        String leadUser = unique("lead");
        accounts.ensureAccount(new NewAccount(leadUser, "demo", "Lead " + tag, Role.SPECIALIST, Scope.institution(lead.value())));
        String districtUser = unique("dist");
        accounts.ensureAccount(new NewAccount(districtUser, "demo", "District " + tag, Role.SPECIALIST,
                Scope.institution(district.value())));
        return new Group(consortium, lead, district, primary, people.get(0), people.get(1), gpUser, leadUser, districtUser);
    }

    private static AddMember member(InstitutionId id, MembershipRole role, LocalDate start) {
        return new AddMember(id, role, MembershipBasis.HOME_DISTRICT, start, null, null);
    }

}
