package org.medunion.pharmacy.internal;

import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.ScopedLookup;
import org.springframework.stereotype.Component;

/**
 * Loading a prescription the caller may see and saving a changed one with its audit entry: the two steps every
 * pharmacy use case shares. An invisible prescription is 404 like an unknown one (issue 10).
 */
@Component
class Prescriptions {

    static final String OBJECT = "Prescription";

    private final PharmacyStore store;
    private final AuditTrail audit;

    Prescriptions(PharmacyStore store, AuditTrail audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The prescription, when it exists and {@code user} may see it; otherwise 404. */
    Prescription visible(PrescriptionId id, CurrentUser user) {
        if (id == null || id.value() == null) {
            throw new NotFoundException(OBJECT, "null");
        }
        return ScopedLookup.visible(store.find(id.value()), p -> PrescriptionAccess.canSee(user, p), OBJECT, id.value());
    }

    /** Saves {@code p} (its lines and findings too when {@code parts}) and audits the change as {@code what}. */
    Prescription saved(Prescription p, boolean parts, String what) {
        store.update(p, parts);
        audit.record(AuditAction.UPDATE, OBJECT, p.id.toString(), p.residentId.toString(), what);
        return p;
    }
}
