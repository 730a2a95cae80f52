package org.medunion.referral;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The referral workflow as an explicit transition table: (current status, action) → next status.
 * Anything not in the table is refused with {@code REFERRAL-0001} (409) naming both statuses.
 * {@code REDIRECTED} is transient: a redirect is recorded as SUBMITTED → REDIRECTED and then
 * REDIRECTED → SUBMITTED at the new institution. {@code ESCALATE} keeps the status and sets the desk flag.
 */
public final class ReferralWorkflow {

    private static final Map<ReferralStatus, Map<ReferralAction, ReferralStatus>> TABLE = new EnumMap<>(ReferralStatus.class);

    static {
        for (ReferralStatus s : ReferralStatus.values()) {
            TABLE.put(s, new EnumMap<>(ReferralAction.class));
        }
        allow(ReferralStatus.DRAFT, ReferralAction.SUBMIT, ReferralStatus.SUBMITTED);
        allow(ReferralStatus.DRAFT, ReferralAction.CANCEL, ReferralStatus.CANCELLED);
        allow(ReferralStatus.SUBMITTED, ReferralAction.ACCEPT, ReferralStatus.ACCEPTED);
        allow(ReferralStatus.SUBMITTED, ReferralAction.REJECT, ReferralStatus.REJECTED);
        allow(ReferralStatus.SUBMITTED, ReferralAction.REDIRECT, ReferralStatus.REDIRECTED);
        allow(ReferralStatus.SUBMITTED, ReferralAction.CANCEL, ReferralStatus.CANCELLED);
        allow(ReferralStatus.SUBMITTED, ReferralAction.EXPIRE, ReferralStatus.EXPIRED);
        allow(ReferralStatus.SUBMITTED, ReferralAction.ESCALATE, ReferralStatus.SUBMITTED);
        allow(ReferralStatus.REDIRECTED, ReferralAction.SUBMIT, ReferralStatus.SUBMITTED);
        allow(ReferralStatus.ACCEPTED, ReferralAction.ARRIVE, ReferralStatus.ARRIVED);
        allow(ReferralStatus.ACCEPTED, ReferralAction.CANCEL, ReferralStatus.CANCELLED);
        allow(ReferralStatus.ARRIVED, ReferralAction.COMPLETE, ReferralStatus.COMPLETED);
    }

    private ReferralWorkflow() {
    }

    private static void allow(ReferralStatus from, ReferralAction action, ReferralStatus to) {
        TABLE.get(from).put(action, to);
    }

    /** The next status, or empty when the action is illegal in this status. */
    public static Optional<ReferralStatus> next(ReferralStatus current, ReferralAction action) {
        return Optional.ofNullable(TABLE.get(current).get(action));
    }

    public static boolean isLegal(ReferralStatus current, ReferralAction action) {
        return next(current, action).isPresent();
    }

    /** The whole table, read-only (docs, tests, the console's buttons). */
    public static Map<ReferralStatus, Map<ReferralAction, ReferralStatus>> table() {
        Map<ReferralStatus, Map<ReferralAction, ReferralStatus>> copy = new EnumMap<>(ReferralStatus.class);
        TABLE.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new EnumMap<>(v))));
        return Collections.unmodifiableMap(copy);
    }
}
