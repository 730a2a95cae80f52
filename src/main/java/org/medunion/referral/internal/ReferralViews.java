package org.medunion.referral.internal;

import java.time.Clock;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.referral.ReferralView;
import org.medunion.shared.Masking;
import org.springframework.stereotype.Component;

/** A referral as the caller sees it: the resident's ID number masked unless the role needs it (S-3). */
@Component
class ReferralViews {

    private final ReferralStore store;
    private final Clock clock;

    ReferralViews(ReferralStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The view; {@code full} adds attachments, care plan, feedback and home care (single reads, not lists). */
    ReferralView view(Referral r, @Nullable CurrentUser user, boolean full) {
        boolean unmasked = user != null && user.role().seesFullIdentifiers();
        var from = r.sender();
        var to = r.receiver();
        var who = r.resident();
        var why = r.diagnosis();
        var d = r.deadline();
        return new ReferralView(r.referralId(), r.number(), r.direction(), from.institutionId(), from.practitionerId(),
                from.username(), to.institutionId(), to.department(), to.toDesk(), who.id(),
                unmasked ? who.idNumber() : Masking.residentId(who.idNumber()), who.name(), to.consortiumId(),
                to.contractId(), why.reason(), why.code(), why.text(), r.urgency(), why.clinicalSummary(),
                r.justification().criteria(), r.justification().noCriteriaReason(), r.status(), d.submittedAt(),
                d.acceptBy(), d.escalated(), r.overdue(clock.instant()), r.booking().kind(), r.booking().id(),
                r.priority(), to.destinationType(), to.routingFinding(), r.rejection().reason(), r.rejection().text(),
                full ? store.attachments(r.id()) : List.of(), full ? store.carePlan(r.id()) : null,
                full ? store.feedback(r.id()) : null, full ? store.homeCare(r.id()) : null, r.version(), r.createdAt(),
                r.updatedAt());
    }

    List<ReferralView> list(List<Referral> rows, CurrentUser user) {
        return rows.stream().map(r -> view(r, user, false)).toList();
    }
}
