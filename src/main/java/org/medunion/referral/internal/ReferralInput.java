package org.medunion.referral.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.ReferralError;
import org.medunion.shared.Inputs;
import org.medunion.shared.TextRules;

/** The referral module's input checks, on the shared checker (decision 0090) with its own length rule. */
final class ReferralInput {

    private ReferralInput() {
    }

    static <T> T required(@Nullable T value, String field) {
        return Inputs.required(value, field);
    }

    static String requiredText(@Nullable String value, String field, int max) {
        return Inputs.requiredText(value, field, max, ReferralError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

    /** Length under the referral's own rule code; characters under the shared input-hygiene rules. */
    static @Nullable String optionalText(@Nullable String value, String field, int max) {
        return Inputs.text(value, field, max, ReferralError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

    static boolean notEmpty(@Nullable List<?> l) {
        return l != null && !l.isEmpty();
    }

    /** Trimmed, or null when blank. */
    static @Nullable String trim(@Nullable String s) {
        return Inputs.stripped(s);
    }
}
