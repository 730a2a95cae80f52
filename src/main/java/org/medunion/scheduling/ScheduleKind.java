package org.medunion.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * What a schedule offers (号源 / 床位 / 大型设备检查). The kind decides which NN-4 share applies (the policy module's
 * {@code slots} or {@code beds} parameter) and the priority a contracted resident gets (CQ-6, SH-15).
 */
public enum ScheduleKind {

    /** 专家号 — expert outpatient slot. */
    OUTPATIENT_EXPERT,
    /** 专科号 — specialty outpatient slot. */
    OUTPATIENT_SPECIALTY,
    /** 床位 — one inpatient bed for one admission day. */
    INPATIENT_BED,
    /** 检查 / 大型设备 — exam or large-equipment slot. */
    EXAM,
    /**
     * 会诊号 — a slot of one expert for a live consultation session (remote, inter-hospital, MDT), booked only when the
     * invited side accepts a consultation (decision 0255); no NN-4 share applies and no priority.
     */
    CONSULTATION;

    public boolean isOutpatient() {
        return this == OUTPATIENT_EXPERT || this == OUTPATIENT_SPECIALTY;
    }

    /** 优先就诊 / 优先检查 / 优先住院 for a contracted resident booked by primary care; none for a consultation slot. */
    public @Nullable Priority priority() {
        return switch (this) {
            case OUTPATIENT_EXPERT, OUTPATIENT_SPECIALTY -> Priority.PRIORITY_VISIT;
            case EXAM -> Priority.PRIORITY_EXAM;
            case INPATIENT_BED -> Priority.PRIORITY_ADMISSION;
            case CONSULTATION -> null;
        };
    }
}
