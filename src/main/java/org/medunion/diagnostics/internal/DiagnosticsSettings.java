package org.medunion.diagnostics.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.ItemKind;
import org.medunion.policy.PolicyThresholds;
import org.springframework.stereotype.Component;

/**
 * The NAT-R and SC parameters in force for a division, read from the policy catalogue on every use (no copies).
 * Recognition applies its parameters whether or not a jurisdiction switched the NATR pack on: they are safety
 * limits of an offer, not findings (decision 0110).
 */
@Component
class DiagnosticsSettings {

    private final PolicyThresholds thresholds;

    DiagnosticsSettings(PolicyThresholds thresholds) {
        this.thresholds = thresholds;
    }

    private String value(String rule, String parameter, @Nullable String division) {
        return thresholds.threshold(rule, parameter, division == null ? "000000" : division).value().strip();
    }

    /** NAT-R-4: the window of a lab item whose list entry has none; imaging, ECG and pathology: none (doctor judges). */
    @Nullable
    Integer fallbackWindow(ItemKind kind, @Nullable String division) {
        return kind == ItemKind.LAB ? Integer.valueOf(value("NAT-R-4", "labDays", division)) : null;
    }

    boolean tightGroupAllItems(@Nullable String division) {
        return Boolean.parseBoolean(value("NAT-R-9", "tightGroupAllItems", division));
    }

    boolean excludeCriticalAndPreliminary(@Nullable String division) {
        return Boolean.parseBoolean(value("NAT-R-12", "excludeCriticalAndPreliminary", division));
    }

    /** NAT-R-5: the reason codes that need a free text. */
    List<String> freeTextReasons(@Nullable String division) {
        return List.of(value("NAT-R-5", "freeTextReasons", division).split("\\s*,\\s*"));
    }

    /** SC-2: the turnaround target in hours of an item kind when the centre set none. */
    int turnaroundHours(ItemKind kind, @Nullable String division) {
        String parameter = switch (kind) {
            case LAB -> "labHours";
            case IMAGING -> "imagingHours";
            case ECG -> "ecgHours";
            case PATHOLOGY -> "pathologyHours";
        };
        return Integer.parseInt(value("SC-2", parameter, division));
    }

    /** SC-2: the share of reports a centre should return within turnaround (I-20's target, a local parameter). */
    double onTimeShare(@Nullable String division) {
        return Double.parseDouble(value("SC-2", "onTimeShare", division));
    }

    /** SC-5: minutes the ordering clinician has to acknowledge a critical result. */
    int acknowledgeMinutes(@Nullable String division) {
        return Integer.parseInt(value("SC-5", "acknowledgeMinutes", division));
    }
}
