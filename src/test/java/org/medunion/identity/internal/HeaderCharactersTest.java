package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop answers exactly as Spring Security's default firewall expressions, for every code point and mixed strings. */
class HeaderCharactersTest {

    private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCodePointAloneAsTheExpressions() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            String s = new String(Character.toChars(cp));
            assertThat(HeaderCharacters.assignedNotControl(s)).as("U+%04X name", cp).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.headerValue(s)).as("U+%04X value", cp).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void mixedStringsWithSurrogatesAsTheExpressions() {
        var random = new SplittableRandom(11643);
        int[] pool = {'a', ' ', '\t', '\n', 0x7F, 0x85, 0x9F, 0xA0, '中', 0x0378, 0xD800, 0xDC00, 0x1F600, 0xE0001, 0xFFFF};
        for (int n = 0; n < 50_000; n++) {
            var sb = new StringBuilder();
            for (int k = random.nextInt(6); k >= 0; k--) {
                sb.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String s = sb.toString();
            assertThat(HeaderCharacters.assignedNotControl(s)).as(s).isEqualTo(NAMES.matcher(s).matches());
            assertThat(HeaderCharacters.headerValue(s)).as(s).isEqualTo(VALUES.matcher(s).matches());
        }
    }

    @Test
    void theFirewallRefusesAControlCharacterInAHeader() {
        assertThat(HeaderCharacters.headerValue("Bearer abc\u0000")).isFalse();
        assertThat(HeaderCharacters.headerValue("text/html,\tapplication/json")).isTrue();
        assertThat(HeaderCharacters.assignedNotControl("X-Name\t")).isFalse();
    }
}
