package org.medunion.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.policy.LongPrescriptionPolicy;
import org.medunion.policy.PolicyThresholds;
import org.medunion.referral.CreateReferral.MedicationInput;
import org.medunion.shared.InvalidInputException;

/**
 * Issue 13 item 7: the extended prescription of a downward referral is bounded by the long-prescription ceiling read
 * through the policy thresholds — CQ-5's 60 days where the CQ pack applies (Chongqing, 500000), RX-6's 84 elsewhere.
 */
class ExtendedPrescriptionLimitTest {

    /** Chongqing applies the CQ pack; the seed defaults otherwise. */
    static final PolicyThresholds THRESHOLDS = new PolicyThresholds() {

        @Override
        public Threshold threshold(String ruleId, String parameter, @Nullable String divisionCode) {
            String value = switch (ruleId + "." + parameter) {
                case "CQ-5.maxDays" -> "60";
                case "RX-6.maxDays" -> "84";
                default -> throw new IllegalArgumentException(ruleId);
            };
            return new Threshold(ruleId, parameter, value, ruleId.startsWith("CQ") && divisionCode != null
                    && divisionCode.startsWith("50"));
        }

        @Override
        public String clause(String ruleId) {
            return "clause of " + ruleId;
        }
    };

    private static List<MedicationInput> days(int d) {
        return List.of(new MedicationInput("氨氯地平片", "5 mg", "qd", d, null));
    }

    @Test
    void CQ5_sixtyDaysPassInChongqingAndSixtyOneAreRefused() {
        var limit = LongPrescriptionPolicy.maxDays(THRESHOLDS, "500103");
        assertThat(limit.ruleId()).isEqualTo("CQ-5");
        ExtendedPrescriptionLimit.check(days(60), limit);
        assertThatThrownBy(() -> ExtendedPrescriptionLimit.check(days(61), limit)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("medications.days");
    }

    @Test
    void RX6_eightyFourDaysPassElsewhereAndEightyFiveAreRefused() {
        var limit = LongPrescriptionPolicy.maxDays(THRESHOLDS, "310104");
        assertThat(limit.ruleId()).isEqualTo("RX-6");
        ExtendedPrescriptionLimit.check(days(84), limit);
        assertThatThrownBy(() -> ExtendedPrescriptionLimit.check(days(85), limit)).isInstanceOf(InvalidInputException.class);
    }
}
