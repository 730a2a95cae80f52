package org.medunion.referral.internal;

import java.util.UUID;
import org.medunion.referral.BookingKind;

/**
 * The booking the receiving side makes when it accepts a referral: a slot or bed through the scheduling
 * module, with priority for contracted residents (SH-15, CQ-6). Implemented by an adapter over the
 * scheduling facade.
 */
interface CapacityBooking {

    /** Books the resource for the resident and returns the booking's ID; a taken resource gives a 409. */
    UUID book(BookingKind kind, UUID resourceId, UUID residentId, boolean priority, String referralNumber);
}
