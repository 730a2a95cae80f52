package org.medunion.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.AccountManagement.NewAccount;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.registry.Affiliation;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.Ownership;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.Profession;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.medunion.registry.Title;
import org.medunion.shared.CreditCode;
import org.medunion.shared.ResidentIdNumber;

/** Intent-revealing test data for the residents module: valid ID numbers, a "1+1+1" site with accounts. */
public final class ResidentsFixture {

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);

    private ResidentsFixture() {
    }

    /** A valid GB 11643 number for the birth date and sex, in Shanghai Xuhui (310104), random sequence. */
    public static String idNumber(LocalDate birth, boolean male) {
        return idNumber("310104", birth, male);
    }

    public static String idNumber(String region, LocalDate birth, boolean male) {
        int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
        String first17 = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth())
                + String.format("%03d", seq);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** A random valid birth date between 1930 and 2020. */
    public static LocalDate birth() {
        return LocalDate.of(1930, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 90 * 365));
    }

    public static String creditCode() {
        var sb = new StringBuilder("12310104");
        var r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            sb.append(CREDIT_ALPHABET.charAt(r.nextInt(CREDIT_ALPHABET.length())));
        }
        return sb.append(CreditCode.checkCharacter(sb.toString())).toString();
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
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

    public static InstitutionId institution(RegistryManagement registry, String name, InstitutionCategory category,
                                            HospitalLevel level, Affiliation affiliation) {
        return registry.registerInstitution(new RegisterInstitution(name, creditCode(), category, level,
                HospitalGrade.UNGRADED, Ownership.PUBLIC, null, affiliation, false, "310104", null, null, false,
                "上海市徐汇区", List.of(), List.of())).id();
    }

    public static PractitionerId practitioner(RegistryManagement registry, String name, InstitutionId at, Profession profession) {
        return registry.registerPractitioner(new RegisterPractitioner(name, at, profession,
                profession == Profession.NURSE ? Title.RESIDENT : Title.ATTENDING, LocalDate.of(2015, 1, 1), "全科",
                false, false)).id();
    }
}
