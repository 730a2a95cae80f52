package org.medunion.referral.internal;

import java.util.List;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.referral.ReferralAction;

/**
 * Who sees and does what (product.md §11): an institution-scoped GP or specialist sees the referrals its
 * institution sends or receives; the consortium office (referral desk) sees its consortium's referrals;
 * planners see aggregates only; administrators and integrators (acting for hospital systems) see all.
 */
final class ReferralAccess {

    private ReferralAccess() {
    }

    /** SQL predicate (positional parameters) limiting referral_referral rows to those the user may see. */
    record Predicate(String sql, List<Object> params) {
    }

    static Predicate visible(CurrentUser user) {
        if (unrestricted(user)) {
            return new Predicate("1=1", List.of());
        }
        if (user.scope().type() == ScopeType.INSTITUTION && user.scope().reference() != null) {
            UUID inst = user.scope().referenceId();
            return new Predicate("(from_institution_id = ? or to_institution_id = ?)", List.of(inst, inst));
        }
        if (user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && user.scope().reference() != null) {
            return new Predicate("consortium_id = ?", List.of(user.scope().referenceId()));
        }
        return new Predicate("1=0", List.of());
    }

    static boolean unrestricted(CurrentUser user) {
        return user.role() == Role.ADMIN || user.role() == Role.INTEGRATOR;
    }

    static boolean canSee(CurrentUser user, ReferralRow r) {
        if (unrestricted(user)) {
            return true;
        }
        UUID inst = institutionOf(user);
        if (inst != null) {
            return inst.equals(r.fromInstitutionId()) || inst.equals(r.toInstitutionId());
        }
        return isDeskOf(user, r);
    }

    static boolean isDeskOf(CurrentUser user, ReferralRow r) {
        return user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && r.consortiumId() != null
                && r.consortiumId().toString().equals(user.scope().reference());
    }

    static UUID institutionOf(CurrentUser user) {
        return user.scope().type() == ScopeType.INSTITUTION && user.scope().reference() != null
                ? user.scope().referenceId() : null;
    }

    static boolean clinician(CurrentUser user) {
        return user.role() == Role.GP || user.role() == Role.SPECIALIST;
    }

    /** May the user send referrals from this institution? */
    static boolean canSendFrom(CurrentUser user, UUID from) {
        return unrestricted(user) || clinician(user) && from != null && from.equals(institutionOf(user));
    }

    /** Sender actions (submit, cancel) belong to the sending side; the rest to the receiving side or the desk. */
    static boolean mayAct(CurrentUser user, ReferralRow r, ReferralAction action) {
        if (unrestricted(user)) {
            return true;
        }
        return switch (action) {
            case SUBMIT, CANCEL -> canSendFrom(user, r.fromInstitutionId());
            case REDIRECT -> isDeskOf(user, r) || clinician(user) && r.toInstitutionId() != null
                    && r.toInstitutionId().equals(institutionOf(user));
            case ACCEPT, REJECT, ARRIVE, COMPLETE -> clinician(user) && r.toInstitutionId() != null
                    && r.toInstitutionId().equals(institutionOf(user)) || isDeskOf(user, r) && action != ReferralAction.COMPLETE;
            default -> false;
        };
    }
}
