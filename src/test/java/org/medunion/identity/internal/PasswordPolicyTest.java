package org.medunion.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medunion.shared.InvalidInputException;

/** GB/T 22239 L3 complexity: each rule has a password that breaks only it. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @ParameterizedTest
    @CsvSource({"12345678,password.tooShort", "Ab1!Ab1!Ab1,password.tooShort", "abcdefghijkl1,password.tooSimple",
            "ABCDEFGHIJKL!,password.tooSimple", "Xx-alice-2026,password.containsUsername", "Password123!,password.wellKnown",
            "1qaz@WSX3edc,password.wellKnown"})
    void refusesWithTheRuleBroken(String password, String rule) {
        assertThatThrownBy(() -> policy.check("newPassword", "alice", password))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo(rule);
                    assertThat(e.field()).isEqualTo("newPassword");
                });
    }

    @ParameterizedTest
    @CsvSource({"Correct-Horse-42", "correcthorse42!", "CORRECT horse battery", "长城-Great-Wall-8"})
    void acceptsLongPasswordsOfThreeClasses(String password) {
        policy.check("newPassword", "alice", password);
    }
}
