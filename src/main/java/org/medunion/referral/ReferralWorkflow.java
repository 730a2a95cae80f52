package org.medunion.referral;

import java.util.Map;
import java.util.Optional;
import org.medunion.shared.TransitionTable;

/**
 * The referral workflow as an explicit transition table: (current status, action) → next status.
 * Anything not in the table is refused with {@code REFERRAL-0001} (409) naming both statuses.
 * {@code REDIRECTED} is transient: a redirect is recorded as SUBMITTED → REDIRECTED and then
 * REDIRECTED → SUBMITTED at the new institution. {@code ESCALATE} keeps the status and sets the desk flag.
 */
public final class ReferralWorkflow {

    private static final TransitionTable<ReferralStatus, ReferralAction> TABLE = TransitionTable
            .of(ReferralStatus.class, ReferralAction.class)
            .allow(ReferralStatus.DRAFT, ReferralAction.SUBMIT, ReferralStatus.SUBMITTED)
            .allow(ReferralStatus.DRAFT, ReferralAction.CANCEL, ReferralStatus.CANCELLED)
            .allow(ReferralStatus.SUBMITTED, ReferralAction.ACCEPT, ReferralStatus.ACCEPTED)
            .allow(ReferralStatus.SUBMITTED, ReferralAction.REJECT, ReferralStatus.REJECTED)
            .allow(ReferralStatus.SUBMITTED, ReferralAction.REDIRECT, ReferralStatus.REDIRECTED)
            .allow(ReferralStatus.SUBMITTED, ReferralAction.CANCEL, ReferralStatus.CANCELLED)
            .allow(ReferralStatus.SUBMITTED, ReferralAction.EXPIRE, ReferralStatus.EXPIRED)
            .allow(ReferralStatus.SUBMITTED, ReferralAction.ESCALATE, ReferralStatus.SUBMITTED)
            .allow(ReferralStatus.REDIRECTED, ReferralAction.SUBMIT, ReferralStatus.SUBMITTED)
            .allow(ReferralStatus.ACCEPTED, ReferralAction.ARRIVE, ReferralStatus.ARRIVED)
            .allow(ReferralStatus.ACCEPTED, ReferralAction.CANCEL, ReferralStatus.CANCELLED)
            .allow(ReferralStatus.ARRIVED, ReferralAction.COMPLETE, ReferralStatus.COMPLETED);

    private ReferralWorkflow() {
    }

    /** The next status, or empty when the action is illegal in this status. */
    public static Optional<ReferralStatus> next(ReferralStatus current, ReferralAction action) {
        return TABLE.next(current, action);
    }

    public static boolean isLegal(ReferralStatus current, ReferralAction action) {
        return TABLE.isLegal(current, action);
    }

    /** The whole table, read-only (docs, tests, the console's buttons). */
    public static Map<ReferralStatus, Map<ReferralAction, ReferralStatus>> table() {
        return TABLE.asMap();
    }
}
