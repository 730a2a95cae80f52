package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralInput.optionalText;
import static org.medunion.referral.internal.ReferralInput.required;
import static org.medunion.referral.internal.ReferralInput.requiredText;
import static org.medunion.referral.internal.ReferralInput.trim;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralView;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.RejectionReason;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow after creation (product.md §5): the sender submits or cancels, the receiving side (or the desk)
 * accepts with a booking, rejects, redirects, records the arrival and completes with the summary. Each step
 * checks its input, asks the {@link Referral} aggregate to move, and saves it with its transitions and events.
 */
@Service
@Transactional
class ReferralTransitions {

    /** One step on a loaded referral by {@code actor} at {@code now}. */
    @FunctionalInterface
    interface Step {

        void apply(Referral referral, String actor, Instant now);
    }

    private final ReferralStore store;
    private final Directory directory;
    private final RoutingPolicy routing;
    private final ReferralSettings settings;
    private final CapacityBooking booking;
    private final ReferenceCheck references;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReferralLookup lookup;
    private final ReferralViews views;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the workflow, injected
    ReferralTransitions(ReferralStore store, Directory directory, RoutingPolicy routing, ReferralSettings settings,
                        CapacityBooking booking, ReferenceCheck references, CurrentUsers users, AuditTrail audit,
                        Clock clock, ReferralLookup lookup, ReferralViews views) {
        this.store = store;
        this.directory = directory;
        this.routing = routing;
        this.settings = settings;
        this.booking = booking;
        this.references = references;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.lookup = lookup;
        this.views = views;
    }

    /** The caller's step: only on a referral they may act on from their side; audited with the resident as subject. */
    ReferralView asCaller(ReferralId id, ReferralAction action, Step step) {
        CurrentUser user = users.require();
        Referral r = lookup.actable(id, user, action);
        step.apply(r, user.username(), clock.instant());
        Referral after = store.find(r.id()).orElseThrow();
        audit.record(AuditAction.UPDATE, ReferralLookup.OBJECT, r.id().toString(), r.residentId().toString(),
                action.name());
        return views.view(after, user, true);
    }

    void submit(Referral r, String actor, Instant now) {
        r.submit(now.plus(settings.acceptanceDeadline(r.urgency())), actor, now);
        store.save(r);
    }

    /**
     * Books what the destination needs (AcceptancePlan): a slot or bed at the receiving side, or for home-based
     * care nothing but the responsible team or practitioner and a planned start.
     */
    void accept(Referral r, @Nullable AcceptReferral given, String actor, Instant now) {
        r.check(ReferralAction.ACCEPT);
        AcceptReferral c = required(given, "body");
        optionalText(c.note(), "note", 1000);
        if (r.toInstitutionId() == null) {
            throw new InvalidInputException("toInstitutionId", ReferralError.NO_RECEIVER);
        }
        var plan = AcceptancePlan.of(r.direction(), r.receiver().destinationType(), c, directory, r.toInstitutionId(),
                LocalDate.ofInstant(now, clock.getZone()));
        UUID bookingId = null;
        if (plan.books()) {
            bookingId = booking.book(plan.bookingKind(), c.resourceId(), c.scheduleId(), c.date(), r.residentId(),
                    r.toInstitutionId(), r.priority().any() ? r.fromInstitutionId() : null, actor).id().value();
        } else if (plan.plannedStart() != null) {
            store.saveHomeCare(r.id(), plan.teamId(), plan.practitionerId(), plan.plannedStart());
        }
        r.accept(new Booking(plan.bookingKind(), bookingId), trim(c.note()), actor, now);
        store.save(r);
    }

    void reject(Referral r, @Nullable RejectReferral given, String actor, Instant now) {
        r.check(ReferralAction.REJECT);
        RejectReferral c = required(given, "reason");
        RejectionReason reason = required(c.reason(), "reason");
        optionalText(c.text(), "text", 1000);
        if (reason == RejectionReason.OTHER && (c.text() == null || c.text().isBlank())) {
            throw new InvalidInputException("text", "field.required");
        }
        r.reject(reason, c.text(), actor, now);
        store.save(r);
    }

    /** To another institution, routed again (findings for the new one) and with a fresh deadline there. */
    void redirect(Referral r, @Nullable RedirectReferral given, String actor, Instant now) {
        r.check(ReferralAction.REDIRECT);
        RedirectReferral c = required(given, "toInstitutionId");
        UUID toInstitution = required(c.toInstitutionId(), "toInstitutionId");
        String reason = requiredText(c.reason(), "reason", 1000);
        optionalText(c.toDepartment(), "toDepartment", 100);
        if (toInstitution.equals(r.toInstitutionId()) || toInstitution.equals(r.fromInstitutionId())) {
            throw new InvalidInputException("toInstitutionId", ReferralError.SAME_INSTITUTION);
        }
        references.institution(toInstitution, "toInstitutionId");
        var contract = directory.activeContract(r.residentId(), LocalDate.ofInstant(now, clock.getZone()));
        var findings = routing.findings(r.direction(), r.fromInstitutionId(), toInstitution,
                r.receiver().destinationType(), contract);
        var to = r.receiver().redirectedTo(toInstitution, trim(c.toDepartment()),
                findings.isEmpty() ? null : String.join(",", findings));
        r.redirect(to, now.plus(settings.acceptanceDeadline(r.urgency())), reason, actor, now);
        store.save(r);
    }

    void arrive(Referral r, String actor, Instant now) {
        r.arrive(actor, now);
        store.save(r);
    }

    /** Completes with the receiving side's summary returned to the referrer (the closed loop, I-3). */
    void complete(Referral r, @Nullable CompleteReferral given, String actor, Instant now) {
        r.check(ReferralAction.COMPLETE);
        CompleteReferral c = required(given, "summary");
        String summary = requiredText(c.summary(), "summary", 4000);
        store.saveFeedback(r.id(), summary, actor, now);
        r.complete(actor, now);
        store.save(r);
    }

    void cancel(Referral r, @Nullable String reason, String actor, Instant now) {
        optionalText(reason, "reason", 1000);
        r.cancel(trim(reason), actor, now);
        store.save(r);
    }
}
