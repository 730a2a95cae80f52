package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralInput.required;

import java.time.Instant;
import org.medunion.identity.CurrentUsers;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.MedicationStops;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.backfill.ReferralBackfill;
import org.medunion.shared.ForbiddenException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReferralBackfill}: the use-case services' steps with the actor and instant given. */
@Service
@Transactional
class ReferralBackfillService implements ReferralBackfill {

    private final ReferralCreation creation;
    private final ReferralTransitions transitions;
    private final ReferralLookup lookup;
    private final ReferralStore store;
    private final ReferralViews views;
    private final CurrentUsers users;
    private final MedicationStopDesk stops;

    ReferralBackfillService(ReferralCreation creation, ReferralTransitions transitions, ReferralLookup lookup,
                            ReferralStore store, ReferralViews views, CurrentUsers users, MedicationStopDesk stops) {
        this.stops = stops;
        this.creation = creation;
        this.transitions = transitions;
        this.lookup = lookup;
        this.store = store;
        this.views = views;
        this.users = users;
    }

    @Override
    public ReferralView create(CreateReferral command, String actor, Instant at) {
        systemOnly();
        required(command, "body");
        required(command.fromInstitutionId(), "fromInstitutionId");
        return shown(creation.create(command, command.fromInstitutionId(), actor, at));
    }

    @Override
    public ReferralView submit(ReferralId id, String actor, Instant at) {
        return step(id, actor, at, transitions::submit);
    }

    @Override
    public ReferralView accept(ReferralId id, AcceptReferral command, String actor, Instant at) {
        return step(id, actor, at, (r, who, now) -> transitions.accept(r, command, who, now));
    }

    @Override
    public ReferralView reject(ReferralId id, RejectReferral command, String actor, Instant at) {
        return step(id, actor, at, (r, who, now) -> transitions.reject(r, command, who, now));
    }

    @Override
    public ReferralView redirect(ReferralId id, RedirectReferral command, String actor, Instant at) {
        return step(id, actor, at, (r, who, now) -> transitions.redirect(r, command, who, now));
    }

    @Override
    public ReferralView arrive(ReferralId id, String actor, Instant at) {
        return step(id, actor, at, transitions::arrive);
    }

    @Override
    public ReferralView complete(ReferralId id, CompleteReferral command, String actor, Instant at) {
        return step(id, actor, at, (r, who, now) -> transitions.complete(r, command, who, now));
    }

    @Override
    public ReferralView cancel(ReferralId id, String reason, String actor, Instant at) {
        return step(id, actor, at, (r, who, now) -> transitions.cancel(r, reason, who, now));
    }

    @Override
    public ReferralView expire(ReferralId id, Instant at) {
        return step(id, Referral.SYSTEM, at, (r, who, now) -> {
            r.expire(now);
            store.save(r);
        });
    }

    @Override
    public MedicationStops.Recorded stopMedication(ReferralId id, MedicationStops.Stop command, String actor, Instant at) {
        systemOnly();
        required(actor, "actor");
        required(at, "at");
        Referral r = lookup.existing(id);
        return stops.record(views.view(store.find(r.id()).orElseThrow(), null, true), command, actor, at); // with its care plan
    }

    private ReferralView step(ReferralId id, String actor, Instant at, ReferralTransitions.Step step) {
        systemOnly();
        required(actor, "actor");
        required(at, "at");
        Referral r = lookup.existing(id);
        step.apply(r, actor, at);
        return shown(r);
    }

    private ReferralView shown(Referral r) {
        return views.view(store.find(r.id()).orElseThrow(), null, false);
    }

    /**
     * The system only (no logged-in caller): these commands skip both sides' access rules, and a referral names a
     * resident, so no account — not even an administrator, who holds no care relationship — may run them.
     */
    private void systemOnly() {
        if (users.current().isPresent()) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "BACKFILL");
        }
    }
}
