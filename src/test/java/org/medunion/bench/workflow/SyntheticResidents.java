package org.medunion.bench.workflow;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.medunion.shared.ResidentIdNumber;

/**
 * Deterministic residents for the load: valid GB 11643 numbers of 长宁区 (310105) born from 1945 on, so they
 * never collide with the bulk residents of {@code ResidentLookupBenchmark} (born 1930 + row / 1000 days).
 * Resident i is born (i / 500) × 53 days after 1945-01-01 with sequence 100 + i % 500 (sex from the sequence).
 */
final class SyntheticResidents {

    private static final String[] SURNAMES = {"欧阳", "司马", "上官", "诸葛", "东方", "慕容", "令狐", "皇甫"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "洋", "艳", "杰", "军", "勇"};
    private static final LocalDate FIRST = LocalDate.of(1945, 1, 1);

    private SyntheticResidents() {
    }

    static LocalDate birthDate(int i) {
        return FIRST.plusDays(i / 500 * 53L);
    }

    static String idNumber(int i) {
        String first17 = "310105" + birthDate(i).format(DateTimeFormatter.BASIC_ISO_DATE)
                + String.format(Locale.ROOT, "%03d", 100 + i % 500);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    static String sex(int i) {
        return (100 + i % 500) % 2 == 1 ? "1" : "2";
    }

    /** Compound surnames, so a name-prefix search finds these residents and not the bulk ones. */
    static String name(int i) {
        return SURNAMES[i % SURNAMES.length] + GIVEN[(i / SURNAMES.length) % GIVEN.length] + GIVEN[(i / 96) % GIVEN.length];
    }

    static String surname(int i) {
        return SURNAMES[i % SURNAMES.length];
    }
}
