package org.medunion.indicators;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The indicators this module computes (indicators.md), with the NN-9 parameter that sets a target for them, if any.
 */
public enum Indicator {

    /** 基层诊疗量占比: visits at primary institutions ÷ all visits. Target is relative to a 2022 baseline (none here). */
    I_1("I-1", null, null),
    /** 门诊人次数与出院人次数比 (lead hospital): visits ÷ discharges, ≤ target. */
    I_4("I-4", "visitsPerDischarge", Comparison.AT_MOST),
    /** 出院患者四级手术比例: level-4 operations ÷ operations of discharged patients, ≥ target. */
    I_5("I-5", "level4SurgeryShare", Comparison.AT_LEAST),
    /** 出院患者平均住院日: bed-days ÷ discharges, below target. */
    I_6("I-6", "lengthOfStay", Comparison.BELOW),
    /** 病例组合指数 (CMI): Σ DRG weights ÷ grouped discharges. */
    I_7("I-7", null, null);

    /** How a value meets its target. */
    public enum Comparison {

        AT_MOST, AT_LEAST, BELOW;

        public boolean met(double value, double target) {
            return switch (this) {
                case AT_MOST -> value <= target;
                case AT_LEAST -> value >= target;
                case BELOW -> value < target;
            };
        }
    }

    private final String id;
    private final @Nullable String targetParameter;
    private final @Nullable Comparison comparison;

    Indicator(String id, @Nullable String targetParameter, @Nullable Comparison comparison) {
        this.id = id;
        this.targetParameter = targetParameter;
        this.comparison = comparison;
    }

    public String id() {
        return id;
    }

    public @Nullable String targetParameter() {
        return targetParameter;
    }

    public @Nullable Comparison comparison() {
        return comparison;
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equalsIgnoreCase(id) || i.name().equalsIgnoreCase(id)).findFirst();
    }
}
