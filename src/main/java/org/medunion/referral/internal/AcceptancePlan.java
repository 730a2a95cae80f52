package org.medunion.referral.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.BookingKind;
import org.medunion.referral.DestinationType;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralError;
import org.medunion.shared.InvalidInputException;

/**
 * What an acceptance must carry, by direction and destination (docs/decisions/0004-downward-acceptance.md):
 * upward and lateral referrals book a slot, exam or bed as before; downward ones to a bed book a BED; home-based
 * care (FAMILY_BED, HOSPICE_HOME) books nothing but names the responsible team or practitioner of the receiving
 * institution and a planned start; OUTPATIENT_FOLLOW_UP may book an outpatient slot. Anything else is a 400
 * {@code REFERRAL-0019} naming the field, before anything is booked or written.
 *
 * @param bookingKind what to book, or null when nothing is booked
 */
record AcceptancePlan(@Nullable BookingKind bookingKind, @Nullable UUID teamId, @Nullable UUID practitionerId,
                      @Nullable LocalDate plannedStart) {

    boolean books() {
        return bookingKind != null;
    }

    static AcceptancePlan of(ReferralDirection direction, @Nullable DestinationType destination, AcceptReferral c, Directory directory,
                             UUID receiver, LocalDate today) {
        if (direction != ReferralDirection.DOWN || destination == null) {
            noHomeCare(c, direction.name());
            if (c.bookingKind() == null) {
                throw new InvalidInputException("bookingKind", "field.required");
            }
            needBooking(c);
            return new AcceptancePlan(c.bookingKind(), null, null, null);
        }
        String d = destination.name();
        if (destination.needsBed()) {
            noHomeCare(c, d);
            if (c.bookingKind() != null && c.bookingKind() != BookingKind.BED) {
                throw new InvalidInputException("bookingKind", ReferralError.ACCEPTANCE_DOES_NOT_FIT, d, "BED");
            }
            needBooking(c);
            return new AcceptancePlan(BookingKind.BED, null, null, null);
        }
        if (destination == DestinationType.OUTPATIENT_FOLLOW_UP) {
            noHomeCare(c, d);
            if (c.bookingKind() != null && c.bookingKind() != BookingKind.SLOT) {
                throw new InvalidInputException("bookingKind", ReferralError.ACCEPTANCE_DOES_NOT_FIT, d, "SLOT");
            }
            return new AcceptancePlan(c.namesBooking() ? BookingKind.SLOT : null, null, null, null);
        }
        // home-based care: nothing to book; someone responsible and a start date instead
        if (c.bookingKind() != null || c.namesBooking()) {
            throw new InvalidInputException(c.bookingKind() != null ? "bookingKind" : c.resourceId() != null ? "resourceId"
                    : "scheduleId", ReferralError.ACCEPTANCE_DOES_NOT_FIT, d, "teamId/practitionerId + plannedStart");
        }
        if (c.teamId() == null && c.practitionerId() == null) {
            throw new InvalidInputException("teamId", "field.required");
        }
        if (c.plannedStart() == null) {
            throw new InvalidInputException("plannedStart", "field.required");
        }
        if (c.plannedStart().isBefore(today)) {
            throw new InvalidInputException("plannedStart", ReferralError.START_IN_PAST, c.plannedStart());
        }
        if (c.teamId() != null && directory.teamsOf(receiver).stream().noneMatch(t -> t.id().value().equals(c.teamId()))) {
            throw new InvalidInputException("teamId", ReferralError.NOT_OF_RECEIVER, c.teamId());
        }
        if (c.practitionerId() != null && directory.practitioner(c.practitionerId())
                .filter(p -> p.institutionId() != null && p.institutionId().value().equals(receiver)).isEmpty()) {
            throw new InvalidInputException("practitionerId", ReferralError.NOT_OF_RECEIVER, c.practitionerId());
        }
        return new AcceptancePlan(null, c.teamId(), c.practitionerId(), c.plannedStart());
    }

    private static void needBooking(AcceptReferral c) {
        if (!c.namesBooking()) {
            throw new InvalidInputException("resourceId", "field.required");
        }
    }

    /** A team, practitioner or start date belongs to home-based care only. */
    private static void noHomeCare(AcceptReferral c, String what) {
        String field = c.teamId() != null ? "teamId" : c.practitionerId() != null ? "practitionerId"
                : c.plannedStart() != null ? "plannedStart" : null;
        if (field != null) {
            throw new InvalidInputException(field, ReferralError.ACCEPTANCE_DOES_NOT_FIT, what, "FAMILY_BED / HOSPICE_HOME only");
        }
    }
}
