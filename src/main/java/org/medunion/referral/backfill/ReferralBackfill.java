package org.medunion.referral.backfill;

import java.time.Instant;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.MedicationStops;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;

/**
 * The referral commands as the system runs them for referrals that happened earlier or elsewhere (the demo
 * city, an import): each names who acted and when, instead of taking the logged-in caller and the clock, and
 * skips the sides' access rules (there is no caller; a logged-in caller must be an administrator). The input
 * checks, the transition table, the transitions and the events are those of {@link ReferralManagement}.
 * Returns the referral as seen without a caller (identifiers masked, no attachments).
 */
public interface ReferralBackfill {

    /** Creates the referral from {@code command.fromInstitutionId()} by {@code actor}; submits it if asked. */
    ReferralView create(CreateReferral command, String actor, Instant at);

    ReferralView submit(ReferralId id, String actor, Instant at);

    ReferralView accept(ReferralId id, AcceptReferral command, String actor, Instant at);

    ReferralView reject(ReferralId id, RejectReferral command, String actor, Instant at);

    ReferralView redirect(ReferralId id, RedirectReferral command, String actor, Instant at);

    ReferralView arrive(ReferralId id, String actor, Instant at);

    ReferralView complete(ReferralId id, CompleteReferral command, String actor, Instant at);

    ReferralView cancel(ReferralId id, String reason, String actor, Instant at);

    /** Documents that the regimen a received downward referral sent down stops (RX-16, I-30), by {@code actor}. */
    MedicationStops.Recorded stopMedication(ReferralId id, MedicationStops.Stop command, String actor, Instant at);

    /** Expires a submitted referral at {@code at}, as the deadline job does when it is far past its deadline. */
    ReferralView expire(ReferralId id, Instant at);
}
