package org.medunion.referral;

/** 上转 / 下转 / 平转. */
public enum ReferralDirection {
    UP, DOWN, LATERAL
}
