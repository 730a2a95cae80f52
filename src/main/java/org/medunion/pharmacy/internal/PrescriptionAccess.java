package org.medunion.pharmacy.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.shared.ForbiddenException;

/**
 * Who sees and does what: the prescribing institution, the reviewing institution's pharmacists, the chosen dispensing
 * site once approved (issue 10: everyone else gets 404).
 */
final class PrescriptionAccess {

    static final Set<PrescriptionStatus> DISPENSING_STATES = Set.of(PrescriptionStatus.APPROVED,
            PrescriptionStatus.PARTIALLY_DISPENSED, PrescriptionStatus.DISPENSED, PrescriptionStatus.NOT_DISPENSED);

    private PrescriptionAccess() {
    }

    // ---- access -----------------------------------------------------------------------------------------------

    /** SQL predicate of the rows the caller may see. */
    record Predicate(String sql, List<Object> params) {
    }

    static Predicate predicate(CurrentUser user) {
        if (user.isAdmin()) {
            return new Predicate("1=1", List.of());
        }
        UUID inst = institutionOf(user);
        if (inst == null) {
            return new Predicate("1=0", List.of());
        }
        String dispensing = "(dispensing_institution_id = ? and status in ('APPROVED', 'PARTIALLY_DISPENSED', 'DISPENSED', 'NOT_DISPENSED'))";
        if (user.role() == Role.PHARMACIST) {
            return new Predicate("(prescribing_institution_id = ? or reviewing_institution_id = ? or " + dispensing + ")",
                    List.of(inst, inst, inst));
        }
        return new Predicate("(prescribing_institution_id = ? or " + dispensing + ")", List.of(inst, inst));
    }

    static boolean canSee(CurrentUser user, Prescription p) {
        if (user.isAdmin()) {
            return true;
        }
        UUID inst = institutionOf(user);
        if (inst == null) {
            return false;
        }
        return inst.equals(p.prescribingInstitutionId)
                || user.role() == Role.PHARMACIST && inst.equals(p.reviewingInstitutionId)
                || inst.equals(p.dispensingInstitutionId) && DISPENSING_STATES.contains(p.status());
    }

    static @Nullable UUID institutionOf(CurrentUser user) {
        return user.scope().type() == ScopeType.INSTITUTION ? user.scope().referenceId() : null;
    }

    static UUID prescriberInstitution(CurrentUser user) {
        UUID inst = institutionOf(user);
        if (inst == null || user.role() != Role.GP && user.role() != Role.SPECIALIST) {
            throw new ForbiddenException(PharmacyError.NOT_PRESCRIBER, user.role());
        }
        return inst;
    }

    static void requirePrescriber(CurrentUser user, Prescription p) {
        if (!(user.role() == Role.GP || user.role() == Role.SPECIALIST) || !p.prescribingInstitutionId.equals(institutionOf(user))) {
            throw new ForbiddenException(PharmacyError.NOT_PRESCRIBER, user.role());
        }
    }

    static void requireReviewer(CurrentUser user, Prescription p) {
        if (user.role() != Role.PHARMACIST || !p.reviewingInstitutionId.equals(institutionOf(user))) {
            throw new ForbiddenException(PharmacyError.NOT_REVIEWER, p.number);
        }
    }

}
