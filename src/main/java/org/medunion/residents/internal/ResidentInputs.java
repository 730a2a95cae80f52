package org.medunion.residents.internal;

import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractService;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.Sex;
import org.medunion.shared.DivisionCode;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.ResidentIdNumber;
import org.medunion.shared.TextRules;

/**
 * Validation of resident and contract input: every problem is a 400 naming the field and the rule, before
 * anything is written. The resident rules live here; generic checks come from the shared {@link Inputs}.
 */
final class ResidentInputs {

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern LANDLINE = Pattern.compile("0\\d{2,3}-?[1-9]\\d{6,7}");
    private static final Pattern RECORD_NUMBER = Pattern.compile("[\\p{L}\\p{N}._:/#-]{1,64}");

    private ResidentInputs() {
    }

    /** A validated registration. */
    record ValidResident(ResidentIdNumber idNumber, String name, Sex sex, LocalDate birthDate, @Nullable String phone,
                         String districtCode, @Nullable InstitutionId sourceInstitutionId,
                         @Nullable String localRecordNumber) {
    }

    static ValidResident validate(RegisterResident c) {
        Inputs.required(c, "idNumber");
        ResidentIdNumber id = idNumber(c.idNumber(), "idNumber");
        String name = name(c.name(), "name");
        Sex sex = sex(c.sex(), id, "sex");
        if (c.birthDate() != null && !c.birthDate().equals(id.birthDate())) {
            throw new InvalidInputException("birthDate", ResidentsError.BIRTH_DATE_MISMATCH, c.birthDate());
        }
        String phone = phone(c.phone(), "phone");
        String district = c.districtCode() == null || c.districtCode().isBlank() ? id.regionCode()
                : division(c.districtCode(), "districtCode");
        String record = recordNumber(c.localRecordNumber(), "localRecordNumber");
        return new ValidResident(id, name, sex, id.birthDate(), phone, district, c.sourceInstitutionId(), record);
    }

    /** GB 11643 plus a GB/T 2260 province prefix. */
    static ResidentIdNumber idNumber(String raw, String field) {
        ResidentIdNumber id = ResidentIdNumber.parse(raw, field);
        if (!DivisionCode.isKnownProvince(id.regionCode())) {
            throw new InvalidInputException(field, "GB11643.region", id.masked());
        }
        return id;
    }

    static String name(String raw, String field) {
        String name = Inputs.required(raw, field).strip();
        if (name.length() > 100) {
            throw new InvalidInputException(field, ResidentsError.INVALID_TEXT);
        }
        // the shared rules name the broken rule; other format characters (U+200E …) stay refused here as before
        TextRules.characters(name, field, TextRules.Kind.NAME);
        if (name.codePoints().anyMatch(cp -> Character.getType(cp) == Character.FORMAT)) {
            throw new InvalidInputException(field, ResidentsError.INVALID_TEXT);
        }
        return name;
    }

    static Sex sex(@Nullable String raw, ResidentIdNumber id, String field) {
        Sex fromId = id.sexCode() == 1 ? Sex.MALE : Sex.FEMALE;
        if (raw == null || raw.isBlank()) {
            return fromId;
        }
        Sex sex = Sex.fromCode(raw);
        if (sex == null) {
            throw new InvalidInputException(field, "request.unknownValue", raw, "0, 1, 2, 9");
        }
        if ((sex == Sex.MALE || sex == Sex.FEMALE) && sex != fromId) {
            throw new InvalidInputException(field, ResidentsError.SEX_MISMATCH, sex.code());
        }
        return sex == Sex.MALE || sex == Sex.FEMALE ? sex : fromId;
    }

    /** 11-digit mobile (1[3-9]xxxxxxxxx) or landline with area code (0xx-xxxxxxxx); blanks and hyphens allowed. */
    static @Nullable String phone(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().replace(" ", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        }
        String digits = s.replace("-", "");
        if (MOBILE.matcher(digits).matches()) {
            return digits;
        }
        if (LANDLINE.matcher(s).matches()) {
            return s;
        }
        throw new InvalidInputException(field, ResidentsError.INVALID_PHONE);
    }

    static String division(String raw, String field) {
        String s = raw.strip();
        if (!DivisionCode.isValid(s)) {
            throw new InvalidInputException(field, ResidentsError.INVALID_DIVISION_CODE, s.length() > 20 ? s.substring(0, 20) : s);
        }
        return s;
    }

    static @Nullable String recordNumber(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        if (!RECORD_NUMBER.matcher(s).matches()) {
            throw new InvalidInputException(field, ResidentsError.INVALID_RECORD_NUMBER);
        }
        return s;
    }

    /**
     * Priority groups for a contract: the declared ones plus ELDERLY (65 and over) and CHILD (0–6) derived from the
     * birth date on the start day. Declaring an age group the age contradicts, or PREGNANT for a man, is a 400.
     */
    static Set<PriorityGroup> priorityGroups(@Nullable List<String> declared, LocalDate birthDate, Sex sex, LocalDate on) {
        var groups = EnumSet.noneOf(PriorityGroup.class);
        List<PriorityGroup> given = Inputs.enumList(declared, PriorityGroup.class, "priorityGroups");
        int age = Period.between(birthDate, on).getYears();
        boolean elderly = age >= 65;
        boolean child = age <= 6;
        for (PriorityGroup g : given) {
            if (g == PriorityGroup.ELDERLY && !elderly || g == PriorityGroup.CHILD && !child) {
                throw new InvalidInputException("priorityGroups", ResidentsError.NOT_IN_PRIORITY_GROUP, g.name(), age);
            }
            if (g == PriorityGroup.PREGNANT && sex == Sex.MALE) {
                throw new InvalidInputException("priorityGroups", ResidentsError.MALE_PREGNANT);
            }
            groups.add(g);
        }
        if (elderly) {
            groups.add(PriorityGroup.ELDERLY);
        }
        if (child) {
            groups.add(PriorityGroup.CHILD);
        }
        return groups;
    }

    static List<ContractService> services(@Nullable List<String> raw) {
        List<ContractService> services = Inputs.enumList(raw, ContractService.class, "services");
        return services.isEmpty() ? List.of(ContractService.BASIC_PUBLIC_HEALTH) : services;
    }
}
