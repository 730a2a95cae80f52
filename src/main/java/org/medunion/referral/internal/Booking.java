package org.medunion.referral.internal;

import java.util.UUID;
import org.medunion.referral.BookingKind;

/** What the receiver booked on acceptance (both null when nothing was booked, e.g. home-based care). */
record Booking(BookingKind kind, UUID id) {

    static final Booking NONE = new Booking(null, null);
}
