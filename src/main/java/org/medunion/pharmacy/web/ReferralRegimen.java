package org.medunion.pharmacy.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.referral.ReferralView;

/**
 * A downward referral's medication list (free text as the hospital wrote it: "氨氯地平片", "5 mg", "qd", 28) read into
 * prescription lines: the drug is the formulary drug whose generic name (or English name) the text contains — the
 * longest such name, so 硝苯地平控释片 is not taken for 硝苯地平 — the dose the first number, the frequency a known code
 * or its usual Chinese wording. A medication that names no formulary drug is left out and reported (RX-16 allows only
 * formulary drugs).
 */
record ReferralRegimen(List<PrescriptionForms.Line> lines, List<String> unmatched) {

    private static final Pattern NUMBER = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** Usual wordings of a frequency → its code. */
    private static final Map<String, String> WORDINGS = Map.ofEntries(Map.entry("每日一次", "QD"), Map.entry("每日1次", "QD"),
            Map.entry("一日一次", "QD"), Map.entry("每日两次", "BID"), Map.entry("每日2次", "BID"), Map.entry("一日两次", "BID"),
            Map.entry("每日三次", "TID"), Map.entry("每日3次", "TID"), Map.entry("一日三次", "TID"), Map.entry("每日四次", "QID"),
            Map.entry("每日4次", "QID"), Map.entry("每晚一次", "QN"), Map.entry("睡前", "QN"), Map.entry("每周一次", "QW"));

    static ReferralRegimen of(List<ReferralView.Medication> medications, List<FormularyDrugView> formulary) {
        var byLength = formulary.stream().sorted(Comparator.comparingInt((FormularyDrugView d) -> d.name().length()).reversed()).toList();
        var lines = new ArrayList<PrescriptionForms.Line>();
        var unmatched = new ArrayList<String>();
        for (var m : medications) {
            FormularyDrugView drug = match(m.drug(), byLength);
            if (drug == null) {
                unmatched.add(m.drug());
                continue;
            }
            var dose = m.dose() == null ? null : NUMBER.matcher(m.dose());
            lines.add(new PrescriptionForms.Line(drug.code(), dose != null && dose.find() ? dose.group() : "", frequency(m.frequency()),
                    m.days() == null ? "" : String.valueOf(m.days()), "D"));
        }
        return new ReferralRegimen(List.copyOf(lines), List.copyOf(unmatched));
    }

    private static @Nullable FormularyDrugView match(@Nullable String text, List<FormularyDrugView> byLength) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (var d : byLength) {
            if (text.contains(d.name()) || !d.englishName().isBlank() && lower.contains(d.englishName().toLowerCase(Locale.ROOT))) {
                return d;
            }
        }
        return null;
    }

    private static String frequency(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return "QD";
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (PrescriptionForms.FREQUENCIES.contains(code)) {
            return code;
        }
        return WORDINGS.getOrDefault(text.strip().replace(" ", ""), code);
    }
}
