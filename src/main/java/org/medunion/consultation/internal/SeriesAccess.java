package org.medunion.consultation.internal;

import java.util.List;
import java.util.UUID;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.shared.DivisionCode;
import org.springframework.stereotype.Component;

/**
 * Who sees and records the sessions of a series (decision 0246): the clinicians of the host and of the visiting
 * institution (the two sides), the office of the consortium the two share, the planner of the host's jurisdiction and
 * administrators see them; only the two sides record. Accounts are not linked to registry practitioners, so "the
 * visiting experts" are the visiting institution's clinicians. Nobody else learns that a session exists (404).
 */
@Component
class SeriesAccess {

    ConsultationAccess.Predicate visible(CurrentUser user) {
        if (ConsultationAccess.admin(user)) {
            return new ConsultationAccess.Predicate("1=1", List.of());
        }
        UUID inst = ConsultationAccess.institutionOf(user);
        if (inst != null && ConsultationAccess.clinician(user)) {
            return new ConsultationAccess.Predicate("(s.host_institution_id = ? or s.visiting_institution_id = ?)",
                    List.of(inst, inst));
        }
        UUID office = ConsultationAccess.officeOf(user);
        if (office != null) {
            return new ConsultationAccess.Predicate("s.consortium_id = ?", List.of(office));
        }
        if (user.role() == Role.PLANNER && user.scope().type() == ScopeType.JURISDICTION && user.scope().reference() != null) {
            return new ConsultationAccess.Predicate("s.host_district like ?",
                    List.of(DivisionCode.significantPrefix(user.scope().reference()) + "%"));
        }
        return new ConsultationAccess.Predicate("1=0", List.of());
    }

    boolean canSee(CurrentUser user, SeriesRow s) {
        if (ConsultationAccess.admin(user) || onSide(user, s)) {
            return true;
        }
        UUID office = ConsultationAccess.officeOf(user);
        if (office != null) {
            return office.equals(s.consortiumId());
        }
        return user.role() == Role.PLANNER && user.scope().type() == ScopeType.JURISDICTION
                && DivisionCode.covers(user.scope().reference(), s.hostDistrict());
    }

    /** The host side and the visiting side: they record, and they see the residents seen. */
    boolean onSide(CurrentUser user, SeriesRow s) {
        UUID inst = ConsultationAccess.institutionOf(user);
        return inst != null && ConsultationAccess.clinician(user)
                && (inst.equals(s.hostInstitutionId()) || inst.equals(s.visitingInstitutionId()));
    }
}
