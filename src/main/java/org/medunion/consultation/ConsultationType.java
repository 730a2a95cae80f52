package org.medunion.consultation;

/** The forms of consultation (TM-14). */
public enum ConsultationType {
    /** 院际会诊: the expert comes to (or is consulted by) another institution. */
    INTER_HOSPITAL,
    /** 远程会诊: a live remote consultation. */
    REMOTE,
    /** 远程诊断: reading images, ECGs, pathology or lab results remotely (TM-8). */
    REMOTE_DIAGNOSIS,
    /** 多学科会诊 (MDT): several experts at once. */
    MDT,
    /** 联合门诊: a joint GP–specialist clinic at the primary site. */
    JOINT_CLINIC,
    /** 远程查房: remote ward rounds. */
    REMOTE_ROUNDS,
    /** 咨询建议: advice only, before a possible referral (anchor A1). */
    ADVICE_ONLY
}
