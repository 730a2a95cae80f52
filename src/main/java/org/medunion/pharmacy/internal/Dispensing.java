package org.medunion.pharmacy.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.pharmacy.ChooseDispensingSite;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Choosing the dispensing site (the patient confirms it) and recording the dispensing outcome at that site. */
@Service
@Transactional
class Dispensing {

    private final PrescriptionWriting writing;
    private final Prescriptions prescriptions;

    Dispensing(PrescriptionWriting writing, Prescriptions prescriptions) {
        this.writing = writing;
        this.prescriptions = prescriptions;
    }

    /** A site in the prescriber's consortium, confirmed by the patient, until dispensing starts. */
    Prescription chooseSite(Prescription p, @Nullable ChooseDispensingSite c, CurrentUser user, Instant now) {
        PrescriptionAccess.requirePrescriber(user, p);
        if (c == null) {
            throw new InvalidInputException("body", "field.required");
        }
        UUID site = PharmacyInput.required(c.institutionId(), "institutionId");
        if (!site.equals(p.prescribingInstitutionId) && !writing.consortiumPeers(p.prescribingInstitutionId).contains(site)) {
            throw new InvalidInputException("institutionId", PharmacyError.SITE_NOT_MEMBER, site);
        }
        if (!Boolean.TRUE.equals(c.confirmedByPatient())) {
            throw new InvalidInputException("confirmedByPatient", PharmacyError.SITE_NOT_CONFIRMED);
        }
        UUID before = p.dispensingInstitutionId;
        p.chooseSite(site, Boolean.TRUE.equals(c.centralDistribution()), now);
        return prescriptions.saved(p, false, "DISPENSING_SITE " + before + " -> " + p.dispensingInstitutionId
                + (p.centralDistribution ? " central" : "") + " confirmed");
    }

    /** Dispensing of {@code p} by {@code user} at {@code now} (also the system's backfill step). */
    Prescription dispense(Prescription p, PrescriptionAction outcome, @Nullable Dispense c, CurrentUser user, Instant now) {
        if (outcome != PrescriptionAction.DISPENSE && outcome != PrescriptionAction.DISPENSE_PARTIAL
                && outcome != PrescriptionAction.NOT_DISPENSE) {
            throw new InvalidInputException("outcome", PharmacyError.INVALID_NUMBER, outcome);
        }
        if (!(user.isAdmin()
                || user.role() == Role.PHARMACIST && p.dispensingInstitutionId.equals(PrescriptionAccess.institutionOf(user)))) {
            throw new ForbiddenException(PharmacyError.NOT_DISPENSER, p.number);
        }
        if (outcome != PrescriptionAction.DISPENSE && (c == null || c.reason() == null)) {
            throw new InvalidInputException("reason", PharmacyError.REASON_REQUIRED);
        }
        p.dispense(outcome, c == null ? null : c.reason(), PharmacyInput.note(c == null ? null : c.note()), user.username(), now);
        return prescriptions.saved(p, false, outcome + " " + p.number);
    }
}
