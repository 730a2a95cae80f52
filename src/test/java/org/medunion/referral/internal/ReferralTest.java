package org.medunion.referral.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medunion.referral.BookingKind;
import org.medunion.referral.ReferralAccepted;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralCompleted;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralEscalated;
import org.medunion.referral.ReferralEvent;
import org.medunion.referral.ReferralRedirected;
import org.medunion.referral.ReferralRejected;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralSubmitted;
import org.medunion.referral.ReferralView;
import org.medunion.referral.ReferralWorkflow;
import org.medunion.referral.RejectionReason;
import org.medunion.referral.TransitionView;
import org.medunion.referral.Urgency;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;

/**
 * The transition table on the aggregate, without a database or HTTP (milliseconds): every legal pair moves the
 * status, records who and when, and registers its event; every illegal pair is a 409 {@code REFERRAL-0001}
 * naming both statuses and leaves the referral as it was. ReferralContract keeps one HTTP test per action.
 */
class ReferralTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final UUID FROM = UUID.randomUUID();
    private static final UUID TO = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();
    private static final UUID CONSORTIUM = UUID.randomUUID();

    static Referral in(ReferralStatus status) {
        return new Referral(UUID.randomUUID(), "RF-2026-000001", ReferralDirection.UP,
                new Sender(FROM, null, "gp"), new Receiver(TO, "心内科", false, CONSORTIUM, null, null, null),
                new ReferredResident(UUID.randomUUID(), null, "张三"), new Diagnosis("评估", "I10", "原发性高血压", null),
                Urgency.ROUTINE, new Justification(null, "无匹配标准"), new ReferralView.Priority(true, true, true), status,
                Deadline.from(NOW.minusSeconds(7200), NOW.minusSeconds(3600)), Booking.NONE, Rejection.NONE, 3,
                NOW.minusSeconds(9000), NOW.minusSeconds(7200));
    }

    /** Every action a referral takes after creation, as the services call it. */
    static void act(Referral r, ReferralAction action) {
        switch (action) {
            case SUBMIT -> r.submit(NOW.plusSeconds(3600), "gp", NOW);
            case ACCEPT -> r.accept(new Booking(BookingKind.SLOT, UUID.randomUUID()), "ok", "specialist", NOW);
            case REJECT -> r.reject(RejectionReason.NO_CAPACITY, " 无床位 ", "specialist", NOW);
            case REDIRECT -> r.redirect(r.receiver().redirectedTo(OTHER, null, null), NOW.plusSeconds(3600), "无床位",
                    "specialist", NOW);
            case ARRIVE -> r.arrive("specialist", NOW);
            case COMPLETE -> r.complete("specialist", NOW);
            case CANCEL -> r.cancel("resident declined", "gp", NOW);
            case EXPIRE -> r.expire(NOW);
            case ESCALATE -> r.escalate(NOW);
            case CREATE -> throw new IllegalArgumentException("a draft is created, not moved into");
        }
    }

    static Stream<Arguments> legal() {
        var out = new ArrayList<Arguments>();
        ReferralWorkflow.table().forEach((from, row) -> row.forEach((action, to) -> out.add(Arguments.of(from, action, to))));
        return out.stream();
    }

    static Stream<Arguments> illegal() {
        var out = new ArrayList<Arguments>();
        for (var s : ReferralStatus.values()) {
            for (var a : ReferralAction.values()) {
                if (a != ReferralAction.CREATE && !ReferralWorkflow.isLegal(s, a)) {
                    out.add(Arguments.of(s, a));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legal")
    void everyLegalTransitionMovesRecordsWhoAndWhenAndRegistersItsEvent(ReferralStatus from, ReferralAction action,
                                                                        ReferralStatus next) {
        Referral r = in(from);
        act(r, action);
        // a redirect lands as SUBMITTED at the new institution
        assertThat(r.status()).isEqualTo(next == ReferralStatus.REDIRECTED ? ReferralStatus.SUBMITTED : next);
        TransitionView first = r.pendingTransitions().get(0);
        assertThat(first.action()).isEqualTo(action);
        assertThat(first.fromStatus()).isEqualTo(from);
        assertThat(first.toStatus()).isEqualTo(next);
        assertThat(first.actor()).isNotBlank();
        assertThat(first.at()).isBetween(NOW, NOW.plusNanos(1000));
        assertThat(r.updatedAt()).isEqualTo(NOW);
        assertThat(r.pendingEvents().stream().map(Object::getClass).toList()).isEqualTo(expectedEvents(action));
        r.pendingEvents().forEach(e -> assertThat(e.referralId()).isEqualTo(r.referralId()));
    }

    private static List<Class<? extends ReferralEvent>> expectedEvents(ReferralAction action) {
        return switch (action) {
            case SUBMIT -> List.of(ReferralSubmitted.class);
            case ACCEPT -> List.of(ReferralAccepted.class);
            case REJECT -> List.of(ReferralRejected.class);
            case REDIRECT -> List.of(ReferralRedirected.class, ReferralSubmitted.class);
            case COMPLETE -> List.of(ReferralCompleted.class);
            case ESCALATE -> List.of(ReferralEscalated.class);
            default -> List.of();
        };
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("illegal")
    void everyIllegalTransitionIsRefusedWith409NamingBothStatusesAndChangesNothing(ReferralStatus from,
                                                                                   ReferralAction action) {
        Referral r = in(from);
        assertThatThrownBy(() -> act(r, action)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("REFERRAL-0001");
            assertThat(e.arguments()).containsExactly(from.name(), action.requestedStatus().name());
        });
        assertThat(r.status()).isEqualTo(from);
        assertThat(r.pendingTransitions()).isEmpty();
        assertThat(r.pendingEvents()).isEmpty();
        assertThat(r.receiver().institutionId()).isEqualTo(TO);
        assertThat(r.booking()).isEqualTo(Booking.NONE);
    }

    @Test
    void theMatrixCoversEveryPairOnce() {
        int actions = ReferralAction.values().length - 1;
        assertThat(legal().count() + illegal().count()).isEqualTo((long) ReferralStatus.values().length * actions);
    }

    @Test
    void aReferralMeetingNoCriterionNeedsAReasonToBeSubmitted() {
        Referral r = new Referral(UUID.randomUUID(), "RF-2026-000002", ReferralDirection.UP, new Sender(FROM, null, "gp"),
                new Receiver(TO, null, false, null, null, null, null), new ReferredResident(UUID.randomUUID(), null, null),
                new Diagnosis("r", "I10", "t", null), Urgency.ROUTINE, new Justification(null, " "),
                new ReferralView.Priority(false, false, false), ReferralStatus.DRAFT, Deadline.NONE, Booking.NONE,
                Rejection.NONE, 0, NOW, NOW);
        assertThatThrownBy(() -> r.submit(NOW, "gp", NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.code()).isEqualTo("REFERRAL-0002"));
        assertThat(r.pendingTransitions()).isEmpty();
    }

    @Test
    void aRedirectIsRecordedAtBothInstitutionsWithAFreshDeadline() {
        Referral r = in(ReferralStatus.SUBMITTED);
        r.escalate(NOW.minusSeconds(60));
        r.saved(4);
        act(r, ReferralAction.REDIRECT);
        var steps = r.pendingTransitions();
        assertThat(steps).extracting(TransitionView::institutionId).containsExactly(TO, OTHER);
        assertThat(steps.get(1).at()).isAfter(steps.get(0).at());
        assertThat(r.deadline()).isEqualTo(Deadline.from(NOW, NOW.plusSeconds(3600)));
        assertThat(r.toInstitutionId()).isEqualTo(OTHER);
        var redirected = (ReferralRedirected) r.pendingEvents().get(0);
        assertThat(redirected.previousInstitutionId()).isEqualTo(TO);
    }

    @Test
    void escalationAlertsTheDeskAndKeepsTheStatus() {
        Referral r = in(ReferralStatus.SUBMITTED);
        assertThat(r.overdue(NOW)).isTrue();
        r.escalate(NOW);
        assertThat(r.deadline().escalated()).isTrue();
        assertThat(r.deadline().escalatedAt()).isEqualTo(NOW);
        assertThat(r.pendingTransitions().get(0).institutionId()).isEqualTo(CONSORTIUM);
        assertThat(r.pendingTransitions().get(0).actor()).isEqualTo(Referral.SYSTEM);
    }

    @Test
    void rejectionKeepsTheTrimmedTextAndTheReasonOnTheTimeline() {
        Referral r = in(ReferralStatus.SUBMITTED);
        act(r, ReferralAction.REJECT);
        assertThat(r.rejection()).isEqualTo(new Rejection(RejectionReason.NO_CAPACITY, "无床位"));
        assertThat(r.pendingTransitions().get(0).reason()).isEqualTo("NO_CAPACITY: 无床位");
    }

    @Test
    void acceptanceCarriesThePriorityOfAContractedResident() {
        Referral r = in(ReferralStatus.SUBMITTED);
        act(r, ReferralAction.ACCEPT);
        assertThat(((ReferralAccepted) r.pendingEvents().get(0)).priority()).isTrue();
        assertThat(r.booking().kind()).isEqualTo(BookingKind.SLOT);
    }

    @Test
    void savedClearsWhatWasPending() {
        Referral r = in(ReferralStatus.DRAFT);
        act(r, ReferralAction.SUBMIT);
        r.saved(4);
        assertThat(r.version()).isEqualTo(4);
        assertThat(r.pendingTransitions()).isEmpty();
        assertThat(r.pendingEvents()).isEmpty();
    }
}
