package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;

/** GB 11643 resident ID numbers: checksum, birth date, format. */
class ResidentIdNumberTest {

    @Example
    void acceptsTheStandardsWorkedExample() {
        // GB 11643-1999 appendix example: 11010519491231002X
        assertThat(ResidentIdNumber.isValid("11010519491231002X")).isTrue();
        assertThat(ResidentIdNumber.parse("11010519491231002x", "id").value()).isEqualTo("11010519491231002X");
    }

    @Example
    void rejectsWrongCheckCharacterNamingTheRule() {
        assertThatThrownBy(() -> ResidentIdNumber.parse("110105194912310021", "identifier"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> {
                    assertThat(((InvalidInputException) e).field()).isEqualTo("identifier");
                    assertThat(((InvalidInputException) e).code()).isEqualTo("GB11643.checksum");
                });
    }

    @Example
    void rejectsImpossibleBirthDate() {
        String first17 = "11010519490231002";
        assertThat(ResidentIdNumber.problemWith(first17 + ResidentIdNumber.checkCharacter(first17))).isEqualTo("GB11643.birthDate");
    }

    @Example
    void masksForDisplay() {
        assertThat(ResidentIdNumber.parse("11010519491231002X", "id").toString()).isEqualTo("110105********002X");
    }

    @Property
    void everyGeneratedValidNumberIsAccepted(@ForAll("validNumbers") String id) {
        assertThat(ResidentIdNumber.isValid(id)).isTrue();
        assertThat(ResidentIdNumber.parse(id, "id").toString()).doesNotContain(id.substring(6, 14));
    }

    @Property
    void changingOneDigitIsAlwaysDetected(@ForAll("validNumbers") String id, @ForAll("positions") int position) {
        char original = id.charAt(position);
        char changed = (char) ('0' + (original - '0' + 1) % 10);
        String mutated = id.substring(0, position) + changed + id.substring(position + 1);
        assertThat(ResidentIdNumber.isValid(mutated)).isFalse();
    }

    @Property
    void arbitraryStringsNeverCrashTheValidator(@ForAll @StringLength(max = 30) String any) {
        // no exception other than InvalidInputException, whatever the input
        boolean valid = ResidentIdNumber.isValid(any);
        if (!valid) {
            assertThatThrownBy(() -> ResidentIdNumber.parse(any, "id")).isInstanceOf(InvalidInputException.class);
        }
    }

    @Property
    void eighteenDigitStringsAreAcceptedOnlyWithTheRightCheckCharacter(
                                                                       @ForAll @StringLength(17) @CharRange(from = '0', to = '9') String first17) {
        assertThat(ResidentIdNumber.isValid(first17 + "Y")).isFalse();
    }

    @Provide
    Arbitrary<String> validNumbers() {
        Arbitrary<String> region = Arbitraries.of("110101", "310105", "310115", "500103", "450102", "450103");
        Arbitrary<LocalDate> birth = Arbitraries.integers().between(0, 365 * 100)
                .map(d -> LocalDate.of(1925, 1, 1).plusDays(d));
        Arbitrary<Integer> seq = Arbitraries.integers().between(0, 999);
        return Combinators.combine(region, birth, seq).as((r, b, s) -> {
            String first17 = r + b.toString().replace("-", "") + String.format("%03d", s);
            return first17 + ResidentIdNumber.checkCharacter(first17);
        });
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(14, 16);
    }
}
