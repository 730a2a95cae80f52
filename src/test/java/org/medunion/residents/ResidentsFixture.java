package org.medunion.residents;

import static org.medunion.support.RegistrySeeds.institution;
import static org.medunion.support.RegistrySeeds.practitioner;
import static org.medunion.support.RegistrySeeds.unique;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.medunion.support.RegistrySeeds;

/** Intent-revealing test data for the residents module: valid ID numbers, a "1+1+1" site with accounts. */
public final class ResidentsFixture {

    private ResidentsFixture() {
    }

    /** A valid GB 11643 number for the birth date and sex, in Shanghai Xuhui (310104), random sequence. */
    public static String idNumber(LocalDate birth, boolean male) {
        return idNumber("310104", birth, male);
    }

    public static String idNumber(String region, LocalDate birth, boolean male) {
        return RegistrySeeds.idNumber(region, birth, male);
    }

    /** A random valid birth date between 1930 and 2020. */
    public static LocalDate birth() {
        return LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 90 * 365));
    }

    /**
     * A community centre with a team's GP and nurse, a district hospital with a specialist, a municipal hospital,
     * and a GP account ({@code gpUser}, password demo) scoped to the community centre.
     */
    public record Site(InstitutionId primary, InstitutionId district, InstitutionId municipal, PractitionerId gp,
                       PractitionerId nurse, PractitionerId specialist, PractitionerId municipalSpecialist,
                       String gpUser, String specialistUser) {
    }

    public static Site site(RegistryManagement registry, AccountManagement accounts) {
        String tag = unique("site");
        InstitutionId primary = institution(registry, "社区卫生服务中心 " + tag, InstitutionCategory.COMMUNITY_HEALTH_CENTRE,
                HospitalLevel.PRIMARY, Affiliation.DISTRICT);
        InstitutionId district = institution(registry, "区中心医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL,
                HospitalLevel.SECONDARY, Affiliation.DISTRICT);
        InstitutionId municipal = institution(registry, "市第一人民医院 " + tag, InstitutionCategory.GENERAL_HOSPITAL,
                HospitalLevel.TERTIARY, Affiliation.MUNICIPAL);
        PractitionerId gp = practitioner(registry, "王全科", primary, Profession.PHYSICIAN);
        PractitionerId nurse = practitioner(registry, "李护士", primary, Profession.NURSE);
        PractitionerId specialist = practitioner(registry, "张专科", district, Profession.PHYSICIAN);
        PractitionerId municipalSpecialist = practitioner(registry, "赵主任", municipal, Profession.PHYSICIAN);
        String gpUser = unique("gp");
        accounts.ensureAccount(new NewAccount(gpUser, "demo", "GP " + tag, Role.GP, Scope.institution(primary.value())));
        String specialistUser = unique("spec");
        accounts.ensureAccount(new NewAccount(specialistUser, "demo", "Specialist " + tag, Role.SPECIALIST,
                Scope.institution(municipal.value())));
        return new Site(primary, district, municipal, gp, nurse, specialist, municipalSpecialist, gpUser, specialistUser);
    }

}
