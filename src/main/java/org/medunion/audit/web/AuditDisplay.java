package org.medunion.audit.web;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the audit log page shows what modules wrote into a row (issue 18: no raw codes or UUIDs as text): object
 * types, purposes and the codes inside a detail ({@code pool=PRIMARY_CARE_RESERVED}) in words from the bundles,
 * UUIDs shortened to their first eight characters (the full value stays in the row's tooltip and in the export,
 * which is the auditor's evidence).
 */
@Component("auditDisplay")
public class AuditDisplay {

    private static final Pattern UUID_IN_TEXT = Pattern.compile("\\b([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\b");
    private static final Pattern CODE_IN_TEXT = Pattern.compile("\\b[A-Z]{2,}(?:_[A-Z0-9]{2,})+\\b");

    /** Where a code found in a detail may have its words, tried in order. */
    private static final List<String> CODE_PREFIXES = List.of("audit.term.", "scheduling.pool.", "scheduling.kind.",
            "scheduling.priority.", "consultation.action.", "referral.status.", "pharmacy.status.", "audit.action.");

    /** The object types modules write, for the filter (names in the bundles under audit.object.). */
    private static final List<String> OBJECT_TYPES = List.of("Account", "Agreement", "AuditChain", "AuditEvent", "Booking",
            "ChangeReport", "Consortium", "Consultation", "DiagnosticCentre", "DiagnosticCodeMap", "DiagnosticItem",
            "DiagnosticItemList", "DiagnosticOrder", "DiagnosticQc", "DiagnosticReport", "Dispatch", "EncounterBatch", "Grid",
            "IndicatorEncounters", "Institution", "Patient", "PharmacyCatalogue", "PolicyEvaluation", "PolicyManualEvidence",
            "PolicyOverride", "PolicyPacks", "PolicyParameterOverride", "Practitioner", "Prescription", "RecognitionDecision",
            "Referral", "ReferralFollowUp", "ReferralRouting", "Schedule", "WorkLog", "break-the-glass", "contract",
            "contract-batch", "registration-review", "resident", "resident-batch", "team", "team-batch");

    private final MessageSource messages;

    AuditDisplay(MessageSource messages) {
        this.messages = messages;
    }

    /** A detail with its codes in words and its UUIDs shortened. */
    public String detail(@Nullable String detail) {
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        String shortened = UUID_IN_TEXT.matcher(detail).replaceAll("$1…");
        Matcher m = CODE_IN_TEXT.matcher(shortened);
        var out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(words(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** An object type (Institution, WorkLog, resident, contract-batch) in words; unknown ones as written. */
    public String objectType(@Nullable String type) {
        return type == null ? "" : message("audit.object." + type, type);
    }

    /** A purpose of use (TREATMENT, OPERATIONS, SYSTEM…) in words. */
    public String purpose(@Nullable String purpose) {
        return purpose == null ? "" : message("audit.purpose." + purpose, purpose);
    }

    /** Object types for the filter, by their names in the caller's language. */
    public List<Map.Entry<String, String>> objectTypes() {
        return OBJECT_TYPES.stream().map(t -> Map.entry(t, objectType(t))).sorted(Map.Entry.comparingByValue()).toList();
    }

    private String words(String code) {
        for (String prefix : CODE_PREFIXES) {
            String text = messages.getMessage(prefix + code, null, null, LocaleContextHolder.getLocale());
            if (text != null) {
                return text;
            }
        }
        return code;
    }

    private String message(String key, String fallback) {
        String text = messages.getMessage(key, null, null, LocaleContextHolder.getLocale());
        return text == null ? fallback : text;
    }
}
