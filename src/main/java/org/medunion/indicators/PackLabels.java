package org.medunion.indicators;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.medunion.policy.PolicyReadings.PackVersion;
import org.springframework.context.MessageSource;

/**
 * A rule pack's version as people read it (decision 0264): the pack's name, its release number among the versions
 * assessments froze, and the day its newest parameter override took effect — "南宁 2024 政策包 v3，2026-11-20" — rather
 * than the content hash, which stays in the record beside it.
 */
public final class PackLabels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneId.of("Asia/Shanghai"));

    private PackLabels() {
    }

    public static String label(MessageSource messages, Locale locale, PackVersion p, int release) {
        String name = messages.getMessage("assessment.pack." + p.pack(), null, p.pack(), locale);
        var changed = p.changedAt();
        String since = changed == null ? messages.getMessage("assessment.doc.seedDefaults", null, "", locale) : DAY.format(changed);
        String label = messages.getMessage("assessment.pack.label", new Object[] {name, Integer.toString(release), since}, locale);
        return label == null ? p.pack() + " v" + release : label;
    }

    /** Every pack of the snapshot, in its order. */
    public static List<String> labels(MessageSource messages, Locale locale, Snapshot s) {
        return s.packs().stream().map(p -> label(messages, locale, p, s.release(p.pack()))).toList();
    }

    /** The labels on one line, as the assessment's facts show them. */
    public static String line(MessageSource messages, Locale locale, Snapshot s) {
        return String.join("；", labels(messages, locale, s));
    }
}
