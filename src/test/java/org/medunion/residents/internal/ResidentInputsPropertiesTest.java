package org.medunion.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.jspecify.annotations.Nullable;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.Sex;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.ResidentIdNumber;

/**
 * property tests of the validation the registration service runs ({@link ResidentInputs#validate}) — every
 * generated valid resident ID number is accepted with the birth date and sex it encodes; every corruption of
 * one character is rejected as a 400 naming {@code idNumber}; a birth date or sex that contradicts the number is
 * rejected naming that field. The REST path is exercised by ResidentsContract.
 */
class ResidentInputsPropertiesTest {

    private static final String[] REGIONS = {"110101", "310104", "310115", "440305", "450127", "500103", "650102"};

    record Generated(String value, LocalDate birth, boolean male) {
    }

    @Provide
    Arbitrary<Generated> validNumbers() {
        Arbitrary<String> region = Arbitraries.of(REGIONS);
        Arbitrary<LocalDate> birth = Arbitraries.longs().between(0, LocalDate.of(2024, 12, 31).toEpochDay()
                - LocalDate.of(1900, 1, 1).toEpochDay())
                .map(d -> LocalDate.of(1900, 1, 1).plusDays(d));
        Arbitrary<Integer> seq = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, birth, seq).as((r, b, s) -> {
            String first17 = r + String.format("%04d%02d%02d%03d", b.getYear(), b.getMonthValue(), b.getDayOfMonth(), s);
            return new Generated(first17 + ResidentIdNumber.checkCharacter(first17), b, s % 2 == 1);
        });
    }

    static RegisterResident command(String id, @Nullable LocalDate birth, @Nullable String sex) {
        return new RegisterResident(id, "测试", sex, birth, null, null, null, null);
    }

    @Property(tries = 500)
    void everyValidNumberIsAcceptedWithItsBirthDateAndSex(@ForAll("validNumbers") Generated g) {
        var v = ResidentInputs.validate(command(g.value(), g.birth(), g.male() ? "1" : "2"));
        assertThat(v.idNumber().value()).isEqualTo(g.value());
        assertThat(v.birthDate()).isEqualTo(g.birth());
        assertThat(v.sex()).isEqualTo(g.male() ? Sex.MALE : Sex.FEMALE);
        assertThat(v.districtCode()).isEqualTo(g.value().substring(0, 6));
        assertThat(ResidentInputs.validate(command(g.value().toLowerCase(), null, null)).sex()).isEqualTo(v.sex());
    }

    @Property(tries = 1000)
    void everySingleCharacterCorruptionIsRejectedNamingTheField(@ForAll("validNumbers") Generated g,
                                                                @ForAll @IntRange(min = 0, max = 17) int position,
                                                                @ForAll @IntRange(min = 1, max = 10) int shift) {
        String alphabet = position == 17 ? "0123456789X" : "0123456789";
        char original = g.value().charAt(position);
        int idx = alphabet.indexOf(original);
        char replacement = alphabet.charAt((idx + shift) % alphabet.length());
        if (replacement == original) {
            return;
        }
        String corrupted = g.value().substring(0, position) + replacement + g.value().substring(position + 1);
        // MOD 11-2 detects every single-character substitution, so no corrupted number may pass
        assertThatThrownBy(() -> ResidentInputs.validate(command(corrupted, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.field()).isEqualTo("idNumber");
                    assertThat(e.code()).startsWith("GB11643.");
                    assertThat(e.arguments().toString()).doesNotContain(corrupted);
                });
    }

    @Property(tries = 300)
    void adjacentTranspositionsAreRejected(@ForAll("validNumbers") Generated g, @ForAll @IntRange(min = 0, max = 16) int position) {
        String v = g.value();
        if (v.charAt(position) == v.charAt(position + 1)) {
            return;
        }
        String swapped = v.substring(0, position) + v.charAt(position + 1) + v.charAt(position) + v.substring(position + 2);
        assertThatThrownBy(() -> ResidentInputs.validate(command(swapped, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("idNumber"));
    }

    @Property(tries = 300)
    void aBirthDateThatContradictsTheNumberIsRejected(@ForAll("validNumbers") Generated g,
                                                      @ForAll @IntRange(min = 1, max = 20000) int offset) {
        LocalDate wrong = g.birth().plusDays(offset);
        assertThatThrownBy(() -> ResidentInputs.validate(command(g.value(), wrong, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("birthDate");
                    assertThat(e.code()).isEqualTo("RESIDENTS-0001");
                });
    }

    @Property(tries = 200)
    void aSexThatContradictsTheNumberIsRejected(@ForAll("validNumbers") Generated g) {
        assertThatThrownBy(() -> ResidentInputs.validate(command(g.value(), null, g.male() ? "2" : "1")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("sex"));
    }

    @Property(tries = 500)
    void arbitraryStringsNeverCrashTheValidator(@ForAll String raw) {
        try {
            var v = ResidentInputs.validate(command(raw, null, null));
            assertThat(ResidentIdNumber.isValid(v.idNumber().value())).isTrue();
        } catch (InvalidInputException e) {
            assertThat(e.field()).isEqualTo("idNumber");
        }
    }

    @Property(tries = 300)
    void phonesAreMobileOrLandline(@ForAll("validNumbers") Generated g, @ForAll @IntRange(min = 0, max = 99_999_999) int n) {
        String mobile = "13" + String.format("%09d", n);
        assertThat(ResidentInputs.validate(new RegisterResident(g.value(), "测试", null, null, mobile, null, null, null)).phone())
                .isEqualTo(mobile);
        String landline = "021-" + (n % 90_000_000 + 10_000_000);
        assertThat(ResidentInputs.validate(new RegisterResident(g.value(), "测试", null, null, landline, null, null, null)).phone())
                .isEqualTo(landline);
        assertThatThrownBy(() -> ResidentInputs.validate(new RegisterResident(g.value(), "测试", null, null,
                "12" + String.format("%09d", n), null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }
}
