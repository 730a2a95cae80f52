package org.medunion.referral.internal;

import java.util.List;
import org.medunion.referral.ReferralError;
import org.medunion.shared.Inputs;
import org.medunion.shared.TextRules;

/** The referral module's input checks, on the shared checker (decision 0090) with its own length rule. */
final class ReferralInput {

    private ReferralInput() {
    }

    static void required(Object value, String field) {
        Inputs.required(value, field);
    }

    static void requiredText(String value, String field, int max) {
        Inputs.requiredText(value, field, max, ReferralError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

    /** Length under the referral's own rule code; characters under the shared input-hygiene rules. */
    static void optionalText(String value, String field, int max) {
        Inputs.text(value, field, max, ReferralError.TEXT_TOO_LONG, TextRules.Kind.MULTILINE);
    }

    static boolean notEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }

    /** Trimmed, or null when blank. */
    static String trim(String s) {
        return Inputs.stripped(s);
    }
}
