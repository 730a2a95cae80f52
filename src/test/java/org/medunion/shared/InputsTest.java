package org.medunion.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one text check every module binds to its own length rule (decision 0090). */
class InputsTest {

    private static final ErrorCode TOO_LONG = () -> "TEST-0003";

    @Test
    void aTextIsStrippedAndBlankIsAbsent() {
        assertThat(Inputs.text("  血压控制不佳 ", "reason", 10, TOO_LONG, TextRules.Kind.LINE)).isEqualTo("血压控制不佳");
        assertThat(Inputs.text("   ", "reason", 10, TOO_LONG, TextRules.Kind.LINE)).isNull();
        assertThat(Inputs.text(null, "reason", 10, TOO_LONG, TextRules.Kind.LINE)).isNull();
        assertThat(Inputs.stripped(" a ")).isEqualTo("a");
    }

    @Test
    void overTheLimitIsTheModulesRuleNamingTheFieldAndTheLimit() {
        assertThat(Inputs.text("12345", "reason", 5, TOO_LONG, TextRules.Kind.LINE)).isEqualTo("12345");
        assertThatThrownBy(() -> Inputs.text("123456", "reason", 5, TOO_LONG, TextRules.Kind.LINE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("TEST-0003");
                    assertThat(e.field()).isEqualTo("reason");
                    assertThat(e.arguments()).containsExactly(5);
                });
    }

    @Test
    void aRequiredTextMustBeThereAndACharacterRuleStillApplies() {
        assertThatThrownBy(() -> Inputs.requiredText(" ", "question", 5, TOO_LONG, TextRules.Kind.LINE))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo(Inputs.REQUIRED));
        assertThatThrownBy(() -> Inputs.requiredText("a\nb", "question", 5, TOO_LONG, TextRules.Kind.LINE))
                .isInstanceOf(InvalidInputException.class);
        assertThat(Inputs.requiredText("a\nb", "question", 5, TOO_LONG, TextRules.Kind.MULTILINE)).isEqualTo("a\nb");
    }
}
