package org.medunion.pharmacy.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionCheck;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Writing, checking and resubmitting a prescription (the prescriber's side; RX rules in {@link PrescriptionWriting}). */
@Service
@Transactional
class Prescribing {

    private static final long NUMBER_MIN = 36L * 36 * 36 * 36 * 36;

    private final PrescriptionWriting writing;
    private final PharmacyStore store;
    private final Prescriptions prescriptions;
    private final PrescriptionViews views;
    private final AuditTrail audit;
    private final Clock clock;

    Prescribing(PrescriptionWriting writing, PharmacyStore store, Prescriptions prescriptions, PrescriptionViews views,
                AuditTrail audit, Clock clock) {
        this.writing = writing;
        this.views = views;
        this.store = store;
        this.prescriptions = prescriptions;
        this.audit = audit;
        this.clock = clock;
    }

    /** The live check of a draft: findings and the long-prescription verdict; nothing written. */
    PrescriptionCheck check(WritePrescription c, CurrentUser user) {
        Prescription p = draft(c, user, clock.instant());
        audit.record(AuditAction.READ, Prescriptions.OBJECT, "check", p.residentId.toString(), "live check");
        return new PrescriptionCheck(views.findings(p), p.longPrescription, p.maxDays, p.longRule);
    }

    /** Writes and submits as {@code user} at {@code now} (also the system's backfill step). */
    Prescription prescribe(WritePrescription c, CurrentUser user, Instant now) {
        Prescription p = draft(c, user, now);
        p.number = "RX" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.ofInstant(now, clock.getZone()))
                + Long.toString(ThreadLocalRandom.current().nextLong(NUMBER_MIN, NUMBER_MIN * 36), 36).toUpperCase(Locale.ROOT);
        p.submitted(user.username(), now);
        store.insert(p);
        audit.record(AuditAction.CREATE, Prescriptions.OBJECT, p.id.toString(), p.residentId.toString(), p.number);
        return p;
    }

    /** The fixed prescription back to review; the resident stays, an unchanged site keeps its confirmation. */
    Prescription resubmit(Prescription p, WritePrescription fixed, CurrentUser user, Instant now) {
        PrescriptionAccess.requirePrescriber(user, p);
        if (fixed == null || fixed.residentId() != null && !fixed.residentId().equals(p.residentId)) {
            throw new InvalidInputException("residentId", PharmacyError.NOT_PRESCRIBER);
        }
        p.check(PrescriptionAction.RESUBMIT);
        boolean keepSite = fixed.dispensingInstitutionId() == null;
        var withResident = new WritePrescription(p.residentId, fixed.encounterType(), fixed.diagnosisCode(), fixed.diagnosisText(),
                fixed.chronic(), fixed.urgent(), fixed.reason(), fixed.assessmentNote(), fixed.patientConfirmed(), fixed.validityDays(),
                fixed.pregnant(), fixed.allergies(), keepSite ? p.dispensingInstitutionId : fixed.dispensingInstitutionId(),
                fixed.centralDistribution(), keepSite ? (Boolean) p.siteConfirmed : fixed.siteConfirmedByPatient(),
                fixed.guardianName(), fixed.items(), p.referralId); // the referral an extended prescription renews stays
        writing.fill(p, withResident, user, now, false);
        p.resubmit(user.username(), now);
        return prescriptions.saved(p, true, PrescriptionAction.RESUBMIT + " " + p.number);
    }

    private Prescription draft(WritePrescription c, CurrentUser user, Instant now) {
        Prescription p = new Prescription();
        p.id = UUID.randomUUID();
        p.prescribingInstitutionId = PrescriptionAccess.prescriberInstitution(user);
        p.prescriber = user.username();
        writing.fill(p, c, user, now, true);
        return p;
    }
}
