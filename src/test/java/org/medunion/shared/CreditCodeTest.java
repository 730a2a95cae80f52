package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

/** GB 32100 unified social credit codes. */
class CreditCodeTest {

    @Example
    void acceptsPublishedCodes() {
        // The example of GB 32100 commentaries, and a public-institution code (12 = 事业单位) computed by hand.
        assertThat(CreditCode.isValid("91350100M000100Y43")).isTrue();
        assertThat(CreditCode.isValid("12310000425005470K")).isTrue();
    }

    @Example
    void rejectsWrongCheckCharacter() {
        assertThatThrownBy(() -> CreditCode.requireValid("91350100M000100Y44", "creditCode"))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("GB32100.checksum"));
    }

    @Example
    void rejectsLettersOutsideTheAlphabet() {
        assertThat(CreditCode.problemWith("91350100M000100I43")).isEqualTo("GB32100.format");
        assertThat(CreditCode.problemWith("913501")).isEqualTo("GB32100.format");
        assertThat(CreditCode.problemWith(null)).isEqualTo("GB32100.required");
    }

    @Property
    void generatedCodesValidateAndAnySingleChangeIsDetected(@ForAll("codes") String code, @ForAll("positions") int pos) {
        assertThat(CreditCode.isValid(code)).isTrue();
        char c = code.charAt(pos);
        char other = CreditCode.ALPHABET.charAt((CreditCode.ALPHABET.indexOf(c) + 1) % 31);
        String mutated = code.substring(0, pos) + other + code.substring(pos + 1);
        assertThat(CreditCode.isValid(mutated)).isFalse();
    }

    @Property
    void arbitraryStringsNeverCrash(@ForAll @StringLength(max = 25) String any) {
        CreditCode.isValid(any);
    }

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.strings().withChars(CreditCode.ALPHABET.toCharArray()).ofLength(9)
                .map(org -> {
                    String first17 = "12" + "310105" + org;
                    return first17 + CreditCode.checkCharacter(first17);
                });
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(8, 16);
    }
}
