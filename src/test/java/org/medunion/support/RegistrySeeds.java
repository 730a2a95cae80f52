package org.medunion.support;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
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

/**
 * The one home of the small factories the module fixtures share: valid credit codes and resident ID numbers,
 * unique names, and an institution or practitioner registered in 徐汇区 (310104) through the registry facade.
 */
public final class RegistrySeeds {

    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

    private RegistrySeeds() {
    }

    /** A valid GB 32100 code of a public institution registered in 310104, random body. */
    public static String creditCode() {
        return creditCode("310104");
    }

    /**
     * A valid GB 32100 code of a public institution (事业单位, registration code 12) in the division, random body — the
     * one generator every fixture uses, so the check-character rule has one home in the tests too.
     */
    public static String creditCode(String division) {
        var sb = new StringBuilder("12").append(division);
        var r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            sb.append(CREDIT_ALPHABET.charAt(r.nextInt(CREDIT_ALPHABET.length())));
        }
        return sb.append(CreditCode.checkCharacter(sb.toString())).toString();
    }

    /**
     * A valid GB 11643 number for a region, birth date and sex (odd sequence = male), never handed out twice in a
     * run: a fixed birth date leaves only 500 sequence numbers per sex, and a repeat would be registered under
     * another name and refused (RESIDENTS-0040), failing a test by chance.
     */
    public static String idNumber(String region, LocalDate birth, boolean male) {
        String prefix = region + String.format("%04d%02d%02d", birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
        for (int attempt = 0; attempt < 500; attempt++) {
            int seq = ThreadLocalRandom.current().nextInt(0, 500) * 2 + (male ? 1 : 0);
            String first17 = prefix + String.format("%03d", seq);
            String number = first17 + ResidentIdNumber.checkCharacter(first17);
            if (ISSUED.add(number)) {
                return number;
            }
        }
        throw new IllegalStateException("no unused ID number left for " + prefix);
    }

    /** A valid number in 310104 for someone born between 1940 and 2010, either sex. */
    public static String idNumber() {
        var r = ThreadLocalRandom.current();
        return idNumber("310104", LocalDate.of(1940, 1, 1).plusDays(r.nextInt(0, 70 * 365)), r.nextBoolean());
    }

    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet();
    }

    public static InstitutionId institution(RegistryManagement registry, String name, InstitutionCategory category,
                                            HospitalLevel level, Affiliation affiliation) {
        // a public institution has an owner body (办医主体): SH-10's change reports are addressed to it
        String ownerBody = affiliation == Affiliation.MUNICIPAL ? "上海申康医院发展中心" : "徐汇区卫生健康委员会";
        return registry.registerInstitution(new RegisterInstitution(name, creditCode(), category, level,
                HospitalGrade.UNGRADED, Ownership.PUBLIC, ownerBody, affiliation, false, "310104", null, null, false,
                "上海市徐汇区", List.of(), List.of())).id();
    }

    public static PractitionerId practitioner(RegistryManagement registry, String name, InstitutionId at, Profession profession) {
        return registry.registerPractitioner(new RegisterPractitioner(name, at, profession,
                profession == Profession.NURSE ? Title.RESIDENT : Title.ATTENDING, LocalDate.of(2015, 1, 1), "全科",
                false, false)).id();
    }
}
