package org.medunion.referral.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what (product.md §11): an institution-scoped GP or specialist sees the referrals its
 * institution sends or receives (a draft only on the sending side); the consortium office (referral desk) sees its consortium's referrals;
 * planners see aggregates only; administrators see all. Integrators (acting for hospital systems) are scoped to
 * their jurisdiction by the institutions' division codes (issue 10, leak 6): they see a referral when its sending
 * or receiving institution lies inside, send and cancel only for a sending institution inside, and act for the
 * receiving side only when the receiving institution lies inside.
 */
@Component
class ReferralAccess {

    private final Directory directory;

    ReferralAccess(Directory directory) {
        this.directory = directory;
    }

    /** SQL predicate (positional parameters) limiting referral_referral rows to those the user may see. */
    record Predicate(String sql, List<Object> params) {
    }

    Predicate visible(CurrentUser user) {
        return visible(user, "");
    }

    /** The predicate with the referral table's columns prefixed by {@code alias} (e.g. "r."). */
    Predicate visible(CurrentUser user, String alias) {
        if (unrestricted(user)) {
            return new Predicate("1=1", List.of());
        }
        if (jurisdictional(user)) {
            return jurisdiction(user, alias);
        }
        if (user.scope().type() == ScopeType.INSTITUTION && user.scope().reference() != null) {
            UUID inst = user.scope().referenceId();
            // a draft is the sender's alone: naming a resident in it shows nothing to the addressee (issue 10)
            return new Predicate("(" + alias + "from_institution_id = ? or " + alias + "to_institution_id = ? and "
                    + alias + "status <> 'DRAFT')", List.of(inst, inst));
        }
        if (user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && user.scope().reference() != null) {
            return new Predicate(alias + "consortium_id = ?", List.of(user.scope().referenceId()));
        }
        return new Predicate("1=0", List.of());
    }

    /**
     * Referrals whose sending or receiving institution lies in a jurisdiction-scoped user's jurisdiction (an
     * integrator's reads, a planner's statistics); everything for a global scope, nothing for other scopes.
     */
    Predicate jurisdiction(CurrentUser user, String alias) {
        if (user.scope().type() == ScopeType.GLOBAL) {
            return new Predicate("1=1", List.of());
        }
        if (user.scope().type() != ScopeType.JURISDICTION || user.scope().reference() == null) {
            return new Predicate("1=0", List.of());
        }
        Set<UUID> inside = directory.institutionsIn(user.scope());
        if (inside.isEmpty()) {
            return new Predicate("1=0", List.of());
        }
        String marks = String.join(", ", Collections.nCopies(inside.size(), "?"));
        var params = new ArrayList<Object>(inside);
        params.addAll(inside);
        return new Predicate("(" + alias + "from_institution_id in (" + marks + ") or " + alias
                + "to_institution_id in (" + marks + "))", params);
    }

    /** Administrators: every referral. */
    static boolean unrestricted(CurrentUser user) {
        return user.role() == Role.ADMIN;
    }

    /** Integrators: referrals of the institutions inside their jurisdiction. */
    static boolean jurisdictional(CurrentUser user) {
        return user.role() == Role.INTEGRATOR;
    }

    boolean canSee(CurrentUser user, Referral r) {
        if (unrestricted(user)) {
            return true;
        }
        if (jurisdictional(user)) {
            return inside(user, r.fromInstitutionId()) || inside(user, r.toInstitutionId());
        }
        UUID inst = institutionOf(user);
        if (inst != null) {
            return inst.equals(r.fromInstitutionId()) || inst.equals(r.toInstitutionId()) && r.status() != ReferralStatus.DRAFT;
        }
        return isDeskOf(user, r);
    }

    static boolean isDeskOf(CurrentUser user, Referral r) {
        return user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && r.consortiumId() != null
                && r.consortiumId().toString().equals(user.scope().reference());
    }

    static @Nullable UUID institutionOf(CurrentUser user) {
        return user.scope().type() == ScopeType.INSTITUTION && user.scope().reference() != null
                ? user.scope().referenceId() : null;
    }

    static boolean clinician(CurrentUser user) {
        return user.role() == Role.GP || user.role() == Role.SPECIALIST;
    }

    /** May the user send referrals from this institution? */
    boolean canSendFrom(CurrentUser user, @Nullable UUID from) {
        if (unrestricted(user)) {
            return true;
        }
        if (jurisdictional(user)) {
            // an institution the registry does not know is ReferenceCheck's to refuse (400 naming the field)
            return from == null || directory.institution(from).isEmpty() || inside(user, from);
        }
        return clinician(user) && from != null && from.equals(institutionOf(user));
    }

    /** Sender actions (submit, cancel) belong to the sending side; the rest to the receiving side or the desk. */
    boolean mayAct(CurrentUser user, Referral r, ReferralAction action) {
        if (unrestricted(user)) {
            return true;
        }
        if (jurisdictional(user)) {
            return action == ReferralAction.SUBMIT || action == ReferralAction.CANCEL
                    ? inside(user, r.fromInstitutionId()) : inside(user, r.toInstitutionId());
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

    private boolean inside(CurrentUser user, @Nullable UUID institution) {
        return institution != null && directory.institution(institution)
                .filter(i -> user.scope().coversDivision(i.districtCode())).isPresent();
    }
}
