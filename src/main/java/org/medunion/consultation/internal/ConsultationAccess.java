package org.medunion.consultation.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationAction;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.springframework.stereotype.Component;

/**
 * Who sees and does what: a consultation is seen only by its two sides (GPs and specialists of the inviting and
 * the invited institution) and by the office of the consortium they share; administrators see all. The inviting
 * side requests, answers, acknowledges, closes and cancels; the invited side accepts, declines, asks, holds the
 * session and writes and signs the opinion. The office watches (overdue queue) but acts on nothing, and does not
 * read the conversation. Nobody else — another institution, another jurisdiction, a guessed ID — learns that a
 * consultation exists (404).
 */
@Component
class ConsultationAccess {

    /** SQL predicate (positional parameters) limiting consultation rows to those the user may see. */
    record Predicate(String sql, List<Object> params) {
    }

    Predicate visible(CurrentUser user) {
        if (admin(user)) {
            return new Predicate("1=1", List.of());
        }
        UUID inst = institutionOf(user);
        if (inst != null && clinician(user)) {
            return new Predicate("(from_institution_id = ? or to_institution_id = ?)", List.of(inst, inst));
        }
        UUID office = officeOf(user);
        if (office != null) {
            return new Predicate("consortium_id = ?", List.of(office));
        }
        return new Predicate("1=0", List.of());
    }

    boolean canSee(CurrentUser user, Consultation c) {
        return admin(user) || onSide(user, c) || isOfficeOf(user, c);
    }

    /** The two sides (and administrators): the conversation is theirs alone. */
    boolean isParty(CurrentUser user, Consultation c) {
        return admin(user) || onSide(user, c);
    }

    boolean mayAct(CurrentUser user, Consultation c, ConsultationAction action) {
        if (admin(user)) {
            return true;
        }
        UUID inst = institutionOf(user);
        if (inst == null || !clinician(user) || !action.isManual()) {
            return false;
        }
        return action.byInvitingSide() ? inst.equals(c.fromInstitutionId()) : inst.equals(c.toInstitutionId());
    }

    private boolean onSide(CurrentUser user, Consultation c) {
        UUID inst = institutionOf(user);
        return inst != null && clinician(user) && (inst.equals(c.fromInstitutionId()) || inst.equals(c.toInstitutionId()));
    }

    static boolean isOfficeOf(CurrentUser user, Consultation c) {
        UUID office = officeOf(user);
        return office != null && office.equals(c.consortiumId());
    }

    static boolean admin(CurrentUser user) {
        return user.role() == Role.ADMIN;
    }

    static boolean clinician(CurrentUser user) {
        return user.role() == Role.GP || user.role() == Role.SPECIALIST;
    }

    static @Nullable UUID institutionOf(CurrentUser user) {
        return user.scope().type() == ScopeType.INSTITUTION ? user.scope().referenceId() : null;
    }

    static @Nullable UUID officeOf(CurrentUser user) {
        return user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM ? user.scope().referenceId() : null;
    }
}
