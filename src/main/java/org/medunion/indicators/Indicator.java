package org.medunion.indicators;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationType;
import org.medunion.referral.RejectionReason;

/**
 * The indicators this module computes (indicators.md, indicators-assessment.md), with the policy-pack rule and parameter that
 * set a target for them, if any (NN-9 for the hospital indicators, the RX rules for the pharmacy ones).
 */
public enum Indicator {

    /** 基层诊疗量占比: visits at primary institutions ÷ all visits. Target is relative to a 2022 baseline (none here). */
    I_1("I-1", null, null, null),
    /** 上转、下转人次 (CQ-8, NAT-12): downward ÷ upward referrals completed, with the subject's institutions on either side. */
    I_2("I-2", null, null, null),
    /** 转诊闭环率 (SH-15, NAT-12): referrals received with a summary returned to the referrer ÷ referrals received. */
    I_3("I-3", null, null, null),
    /** 门诊人次数与出院人次数比 (lead hospital): visits ÷ discharges, ≤ target. */
    I_4("I-4", "NN-9", "visitsPerDischarge", Comparison.AT_MOST),
    /** 出院患者四级手术比例: level-4 operations ÷ operations of discharged patients, ≥ target. */
    I_5("I-5", "NN-9", "level4SurgeryShare", Comparison.AT_LEAST),
    /** 出院患者平均住院日: bed-days ÷ discharges, below target. */
    I_6("I-6", "NN-9", "lengthOfStay", Comparison.BELOW),
    /** 病例组合指数 (CMI): Σ DRG weights ÷ grouped discharges. */
    I_7("I-7", null, null, null),
    /**
     * 号源、床位下沉比例 (NN-4): outpatient slots reserved for primary care ÷ outpatient slots published, of the lead hospital
     * for a consortium; with beds as its part.
     */
    I_8("I-8", "NN-4", "slots", Comparison.AT_LEAST),
    /** 下沉号源使用率 (NN-4, NAT-8): reserved slots booked through primary care ÷ reserved slots. */
    I_9("I-9", null, null, null),
    /**
     * 检查检验结果互认率 (NN-9, NAT-9): orders satisfied by recognising an earlier result ÷ decisions on offered results that
     * count (recognitions and re-examinations for reasons 01–08); with the public hospitals' participation (NAT-R-11).
     */
    I_10("I-10", null, null, null),
    /**
     * 家庭医生签约覆盖率 (CQ, NN-5): residents of the resident index registered by the subject's institutions who hold a
     * contract in force on the period's last day (today at the latest) ÷ those residents; the elderly and the children
     * as parts (decision 0256).
     */
    I_11("I-11", null, null, null),
    /**
     * 虹吸 (CQ-9, CQ-4): contracted residents referred up by the subject's primary institutions and not referred back within
     * CQ-9's {@code returnDays} ÷ such residents whose days have passed; with the chronic (hypertension, diabetes)
     * share of the outpatient visits at the subject's tertiary hospitals as a part (decision 0256).
     */
    I_12("I-12", null, null, null),
    /**
     * 转诊响应时间 (SH-15): mean hours from submission to acceptance of the referrals the subject received in the period; the
     * median and 90th percentile, the rejected share and a part per rejection reason.
     */
    I_13("I-13", null, null, null),
    /** 处方前置审核干预率 (CN-2): prescriptions returned by pre-review ÷ prescriptions reviewed. */
    I_14("I-14", null, null, null),
    /** 远程会诊例数 (CQ, NN): consultations the subject's institutions were invited to, closed in the period; a part per type. */
    I_15("I-15", null, null, null),
    /** 优质服务基层行达标率 (NN-9, target ≥ 80 %): no module records the ratings — "no data", the source named. */
    I_16("I-16", null, null, null),
    /**
     * 会诊响应时间 (TM-4): mean hours from request to acceptance of the requests the subject was invited to in the period; the
     * median and 90th percentile, and those to the signed opinion, as parts.
     */
    I_17("I-17", null, null, null),
    /**
     * 会诊完成率 (TM-14/16): of the requests accepted, those closed; with the advice-only requests converted into a referral as
     * a part.
     */
    I_18("I-18", null, null, null),
    /** 联合门诊、远程查房场次 (NN, CN): sessions held at the subject's primary institutions per institution and month; patients per session. */
    I_19("I-19", null, null, null),
    /** 共享中心报告时限达标率 (SC-2): orders reported by their due time ÷ orders reported, at the subject's centres. */
    I_20("I-20", "SC-2", "onTimeShare", Comparison.AT_LEAST),
    /** 共享中心基层使用率: orders from primary institutions ÷ orders at the subject's centres (not cancelled). */
    I_21("I-21", null, null, null),
    /**
     * 大型设备号源下放及使用率 (NN, SC-4): exam slots reserved for members ÷ exam slots published; with the reserved ones
     * booked through primary care.
     */
    I_22("I-22", null, null, null),
    /**
     * 互认项目覆盖 (NAT-R-9, B2): items on the jurisdiction's list in force with a valid QC pass held by one of the subject's
     * institutions ÷ items on the list; with the listed items recognised in the period.
     */
    I_23("I-23", "NAT-R-9", "itemCoverage", Comparison.AT_LEAST),
    /** 不互认原因构成 (NAT-R-5): re-examinations for reasons 01–08 ÷ all re-examinations (98, 99 excluded); a part per reason. */
    I_24("I-24", null, null, null),
    /** 互认节约费用: Σ list price of the tests recognised instead of repeated ÷ recognitions (numerator: the total, in yuan). */
    I_25("I-25", null, null, null),
    /** 处方前置审核率 (RX-8): dispensed prescriptions approved before dispensing ÷ dispensed ones; 100 % by design. */
    I_26("I-26", "RX-8", "preReviewShare", Comparison.AT_LEAST),
    /** 医师坚持率 (RX-9): returned prescriptions the prescriber overrode ÷ returned ones. */
    I_27("I-27", null, null, null),
    /**
     * 长期处方规范率 (RX-6): long prescriptions over 4 weeks with the assessment and the confirmation ÷ all such; with the
     * uptake (long ÷ prescriptions of contracted residents with an RX-5 disease), reported and never penalised (RX-17).
     */
    I_28("I-28", "RX-6", "documentedShare", Comparison.AT_LEAST),
    /**
     * 用药目录衔接率 (RX-14, NN-8): member catalogue items mapped to the consortium formulary ÷ items; with the share of
     * primary-site prescriptions using a 基本药物/集采/谈判 drug.
     */
    I_29("I-29", "RX-14", "minCoverage", Comparison.AT_LEAST),
    /**
     * 下转用药衔接 (RX-16): downward referrals with a medication list renewed by an extended prescription within RX-16's
     * {@code renewalDays} ÷ downward referrals with a medication list received.
     */
    I_30("I-30", null, null, null),
    /** 药师下沉 (RX-11): primary-site prescriptions reviewed by the pre-review centre ÷ primary-site ones reviewed. */
    I_31("I-31", null, null, null),
    /** 满意度 (SH, NN): survey scores are not ingested — "no data", the source named. */
    I_32("I-32", null, null, null),
    /** 违反医保政策 (CQ-8): confirmed violations are not ingested — "no data", the source named. */
    I_33("I-33", null, null, null),
    /** 居民健康改善 (CQ-8): no module records blood pressure or HbA1c — "no data", the source named. */
    I_34("I-34", null, null, null);

    /** Counted by the referral and pharmacy modules rather than from ingested encounters. */
    private static final Set<Indicator> COUNTED_ELSEWHERE = EnumSet.of(I_2, I_3, I_8, I_9, I_10, I_11, I_12, I_13, I_14, I_15, I_17, I_18,
            I_19, I_20,
            I_21,
            I_22, I_23, I_24, I_25,
            I_26, I_27, I_28, I_29, I_30, I_31, I_16, I_32, I_33, I_34);

    /**
     * Defined by the specification but fed by data no module records or ingests yet (ratings, surveys, insurance
     * audits, measurements): always "no data", with the missing source named ({@code indicators.source.<id>}).
     */
    private static final Set<Indicator> NO_SOURCE = EnumSet.of(I_16, I_32, I_33, I_34);

    /** Counted from the diagnostics module's decisions, centre orders and QC. */
    private static final Set<Indicator> DIAGNOSTICS = EnumSet.of(I_10, I_20, I_21, I_23, I_24, I_25);

    /** Counted from the consultation module's requests, steps and sessions. */
    private static final Set<Indicator> CONSULTATION = EnumSet.of(I_15, I_17, I_18, I_19);

    /** The ones that count only the prescriptions of primary institutions (I-29: its priority-drug part). */
    private static final Set<Indicator> PRIMARY_SITES = EnumSet.of(I_29, I_31);
    private static final Set<Indicator> RECORD_LISTS = EnumSet.of(I_2, I_3, I_8, I_9, I_10, I_11, I_12, I_13, I_14, I_15, I_17,
            I_18, I_19, I_20, I_21, I_22, I_23, I_24, I_25, I_26, I_27, I_28, I_29, I_30, I_31);

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
    private final @Nullable String targetRule;
    private final @Nullable String targetParameter;
    private final @Nullable Comparison comparison;

    Indicator(String id, @Nullable String targetRule, @Nullable String targetParameter, @Nullable Comparison comparison) {
        this.id = id;
        this.targetRule = targetRule;
        this.targetParameter = targetParameter;
        this.comparison = comparison;
    }

    public String id() {
        return id;
    }

    /** The policy-pack rule whose parameter {@link #targetParameter()} is the target. */
    public @Nullable String targetRule() {
        return targetRule;
    }

    public @Nullable String targetParameter() {
        return targetParameter;
    }

    public @Nullable Comparison comparison() {
        return comparison;
    }

    /** Counted from encounter facts (with a drill-down to them); else from the referral or pharmacy module's records. */
    public boolean fromEncounters() {
        return !COUNTED_ELSEWHERE.contains(this);
    }

    /** The keys of the further fractions it reports besides its headline ({@link IndicatorValue#parts()}), in that order. */
    public List<String> parts() {
        return switch (this) {
            case I_8 -> List.of("beds");
            case I_11 -> List.of("elderly", "children");
            case I_12 -> List.of("chronicAtTertiary");
            case I_10 -> List.of("participation");
            case I_13 -> Stream.concat(Stream.of("acceptMedian", "acceptP90", "rejected"),
                    Arrays.stream(RejectionReason.values()).map(Enum::name)).toList();
            case I_15 -> Arrays.stream(ConsultationType.values()).map(Enum::name).toList(); // a part per type
            case I_17 -> List.of("acceptMedian", "acceptP90", "opinionMedian", "opinionP90");
            case I_18 -> List.of("conversion");
            case I_19 -> List.of("patients");
            case I_22 -> List.of("use");
            case I_23 -> List.of("recognised");
            case I_24 -> List.of("01", "02", "03", "04", "05", "06", "07", "08"); // 不互认 reasons; 98, 99 are not counted
            case I_28 -> List.of("uptake");
            case I_29 -> List.of("priorityDrugs");
            default -> List.of();
        };
    }

    /**
     * Counted in another module that lists the records behind a value without resident data (referrals, recognition
     * decisions, centre orders, prescriptions): the dashboard links the value to them.
     */
    public boolean hasRecordList() {
        return RECORD_LISTS.contains(this);
    }

    /** No platform data feeds it yet: its value is always "no data", shown with the source that is missing. */
    public boolean withoutSource() {
        return NO_SOURCE.contains(this);
    }

    /** Counted from the scheduling module's published slots and bookings. */
    public boolean fromScheduling() {
        return this == I_8 || this == I_9 || this == I_22;
    }

    /** Counted from the diagnostics module's records. */
    public boolean fromDiagnostics() {
        return DIAGNOSTICS.contains(this);
    }

    /** Counted from the consultation module's records. */
    public boolean fromConsultation() {
        return CONSULTATION.contains(this);
    }

    /** A count, not a fraction: its value is the numerator and its denominator is 1 (I-15). */
    public boolean isCount() {
        return this == I_15;
    }

    /** Whether a part of I-13 or I-17 is a duration in hours (a median or percentile), not a fraction. */
    public static boolean isHoursPart(String key) {
        return key.endsWith("Median") || key.endsWith("P90");
    }

    /** Counts only the prescriptions of primary institutions (基层). */
    public boolean primarySitesOnly() {
        return PRIMARY_SITES.contains(this);
    }

    public static Optional<Indicator> byId(String id) {
        return Arrays.stream(values()).filter(i -> i.id.equalsIgnoreCase(id) || i.name().equalsIgnoreCase(id)).findFirst();
    }
}
