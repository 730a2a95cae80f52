package org.medunion.consultation;

import java.util.Map;
import java.util.Optional;
import org.medunion.shared.TransitionTable;

/**
 * The consultation workflow as an explicit transition table: (current status, action) → next status. Anything not
 * in the table is refused with {@code CONSULTATION-0001} (409) naming both statuses, except closing before the
 * opinion is signed and acknowledged, which is TM-7's 422. {@code ESCALATE} keeps the status and flags the
 * consortium office; asking for information parks the request until the inviting side answers. The opinion can be
 * drafted straight after acceptance for the forms without a live session (advice only, remote diagnosis).
 */
public final class ConsultationWorkflow {

    private static final TransitionTable<ConsultationStatus, ConsultationAction> TABLE = TransitionTable
            .of(ConsultationStatus.class, ConsultationAction.class)
            .allow(ConsultationStatus.REQUESTED, ConsultationAction.ACCEPT, ConsultationStatus.ACCEPTED)
            .allow(ConsultationStatus.REQUESTED, ConsultationAction.DECLINE, ConsultationStatus.DECLINED)
            .allow(ConsultationStatus.REQUESTED, ConsultationAction.ASK_INFO, ConsultationStatus.INFO_REQUESTED)
            .allow(ConsultationStatus.REQUESTED, ConsultationAction.CANCEL, ConsultationStatus.CANCELLED)
            .allow(ConsultationStatus.REQUESTED, ConsultationAction.ESCALATE, ConsultationStatus.REQUESTED)
            .allow(ConsultationStatus.REQUESTED, ConsultationAction.EXPIRE, ConsultationStatus.EXPIRED)
            .allow(ConsultationStatus.INFO_REQUESTED, ConsultationAction.ANSWER, ConsultationStatus.REQUESTED)
            .allow(ConsultationStatus.INFO_REQUESTED, ConsultationAction.CANCEL, ConsultationStatus.CANCELLED)
            .allow(ConsultationStatus.ACCEPTED, ConsultationAction.START, ConsultationStatus.IN_SESSION)
            .allow(ConsultationStatus.ACCEPTED, ConsultationAction.DRAFT_OPINION, ConsultationStatus.OPINION_DRAFTED)
            .allow(ConsultationStatus.ACCEPTED, ConsultationAction.CANCEL, ConsultationStatus.CANCELLED)
            .allow(ConsultationStatus.IN_SESSION, ConsultationAction.DRAFT_OPINION, ConsultationStatus.OPINION_DRAFTED)
            .allow(ConsultationStatus.OPINION_DRAFTED, ConsultationAction.DRAFT_OPINION, ConsultationStatus.OPINION_DRAFTED)
            .allow(ConsultationStatus.OPINION_DRAFTED, ConsultationAction.SIGN_OPINION, ConsultationStatus.OPINION_SIGNED)
            .allow(ConsultationStatus.OPINION_SIGNED, ConsultationAction.ACKNOWLEDGE, ConsultationStatus.ACKNOWLEDGED)
            .allow(ConsultationStatus.ACKNOWLEDGED, ConsultationAction.CLOSE, ConsultationStatus.CLOSED);

    private ConsultationWorkflow() {
    }

    /** The next status, or empty when the action is illegal in this status. */
    public static Optional<ConsultationStatus> next(ConsultationStatus current, ConsultationAction action) {
        return TABLE.next(current, action);
    }

    public static boolean isLegal(ConsultationStatus current, ConsultationAction action) {
        return TABLE.isLegal(current, action);
    }

    /** The whole table, read-only (docs, tests, the console's buttons). */
    public static Map<ConsultationStatus, Map<ConsultationAction, ConsultationStatus>> table() {
        return TABLE.asMap();
    }
}
