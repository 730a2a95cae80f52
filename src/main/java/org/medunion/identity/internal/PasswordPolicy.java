package org.medunion.identity.internal;

import java.util.Locale;
import java.util.Set;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * GB/T 22239-2019 L3 password complexity: at least 12 characters from at least three of the four classes
 * (lower case, upper case, digits, other), not containing the username, not a well-known password.
 * Applies to every password a person chooses or the start-up administrator password; the demo profile's
 * {@code demo} accounts are created directly and are refused outside that profile by {@link DefaultCredentialGuard}.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    /** Well-known passwords (lower-cased) that pass the class rule but appear at the top of every breach list. */
    private static final Set<String> WELL_KNOWN = Set.of("password123!", "p@ssw0rd1234", "p@ssword1234", "qwer1234!@#$",
            "1qaz@wsx3edc", "1qaz2wsx#edc", "admin@123456", "admin123456!", "abc123456789!", "welcome123!",
            "welcome@1234", "passw0rd1234", "password@123", "iloveyou123!", "qwerty123456!", "zaq1@wsx3edc",
            "medunion@123", "medunion1234!", "changeme123!", "a1234567890!", "aa123456789!", "abcd@1234567",
            "1q2w3e4r5t6y", "1q2w3e4r5t6y!", "q1w2e3r4t5y6", "123456789abc", "huawei@12345", "root@1234567");

    /** Throws a 400 naming the field and the rule broken first. */
    void check(String field, String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidInputException(field, "password.tooShort", MIN_LENGTH);
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, "password.tooLong", MAX_LENGTH);
        }
        if (classes(password) < 3) {
            throw new InvalidInputException(field, "password.tooSimple");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            throw new InvalidInputException(field, "password.containsUsername");
        }
        if (WELL_KNOWN.contains(lower)) {
            throw new InvalidInputException(field, "password.wellKnown");
        }
    }

    static int classes(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
