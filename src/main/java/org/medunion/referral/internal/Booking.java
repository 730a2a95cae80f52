package org.medunion.referral.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.BookingKind;

/** What the receiver booked on acceptance (both null when nothing was booked, e.g. home-based care). */
record Booking(@Nullable BookingKind kind, @Nullable UUID id) {

    static final Booking NONE = new Booking(null, null);
}
