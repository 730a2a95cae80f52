package org.medunion.indicators;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
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
    I_7("I-7", null, null),
    /** 处方前置审核干预率 (CN-2): prescriptions returned by pre-review ÷ prescriptions reviewed. */
    I_14("I-14", null, null),
    /** 处方前置审核率 (RX-8): dispensed prescriptions approved before dispensing ÷ dispensed ones; 100 % by design. */
    I_26("I-26", null, null),
    /** 医师坚持率 (RX-9): returned prescriptions the prescriber overrode ÷ returned ones. */
    I_27("I-27", null, null),
    /** 长期处方规范率 (RX-6): long prescriptions over 4 weeks with the assessment and the confirmation ÷ all such. */
    I_28("I-28", null, null),
    /** 基层用药目录衔接 (NN-8): primary-site prescriptions with a 基本药物/集采/谈判 drug ÷ primary-site prescriptions. */
    I_29("I-29", null, null),
    /**
     * 下转用药衔接 (RX-16): downward referrals with a medication list renewed by an extended prescription within RX-16's
     * {@code renewalDays} ÷ downward referrals with a medication list received.
     */
    I_30("I-30", null, null),
    /** 药师下沉 (RX-11): primary-site prescriptions reviewed by the pre-review centre ÷ primary-site ones reviewed. */
    I_31("I-31", null, null);

    /** The pharmacy indicators, counted from prescriptions rather than from ingested encounters. */
    private static final Set<Indicator> PRESCRIPTIONS = EnumSet.of(I_14, I_26, I_27, I_28, I_29, I_30, I_31);

    /** The ones that count only the prescriptions of primary institutions. */
    private static final Set<Indicator> PRIMARY_SITES = EnumSet.of(I_29, I_31);

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

    /** Counted from encounter facts (with a drill-down to them); else from the pharmacy module's prescriptions. */
    public boolean fromEncounters() {
        return !PRESCRIPTIONS.contains(this);
    }

    /** Counts only the prescriptions of primary institutions (基层). */
    public boolean primarySitesOnly() {
        return PRIMARY_SITES.contains(this);
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equalsIgnoreCase(id) || i.name().equalsIgnoreCase(id)).findFirst();
    }
}
