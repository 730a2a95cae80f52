package org.medunion.referral;

/**
 * How many items wait in a box or list, and how many of them are overdue (a submitted referral past its
 * acceptance deadline or escalated; a follow-up task past its due date). Counts only: no resident data.
 */
public record ReferralCount(long total, long overdue) {
}
