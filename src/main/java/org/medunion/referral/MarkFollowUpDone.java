package org.medunion.referral;

/** Marks a follow-up task done; the note says what was found or done (随访记录). */
public record MarkFollowUpDone(String note) {
}
