package org.medunion.scheduling;

import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;

/**
 * Booking the capacity a referral is accepted with: the accepting side books a slot of the receiving
 * institution for the referred resident, which the caller's own scheduling scope would not allow. The referral
 * module checks that the caller may accept the referral; this books nothing else. The diagnostics module books the
 * exam slot of an imaging order the same way when the receiving institution's clinician orders for a resident it
 * accepted on a referral with exam priority (SC-6, decision 0236).
 */
public interface ReferralBookings {

    /**
     * Books as {@code actor}; with {@code priorityFor}, as that primary institution's GP would (contract checked,
     * reserved share first, priority set).
     */
    BookingView bookForReferral(BookSlot command, String actor, @Nullable InstitutionId priorityFor);
}
