package org.medunion.pharmacy.backfill;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;

/**
 * The pharmacy commands as the system runs them for prescriptions that happened earlier or elsewhere (the demo city,
 * an import): each names who acted, at which institution and when, instead of taking the logged-in caller and the
 * clock. The input checks, the RX rules, the pre-screen, the reviewing institution (RX-11), the transition table and
 * the audit are those of {@link PharmacyManagement}. Refused to any logged-in caller. Returns ids and states only.
 */
public interface PharmacyBackfill {

    /** Maps items of an institution's catalogue to the formulary (RX-14), as {@code actor}. */
    CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items, String actor);

    /** Writes and submits a prescription at {@code prescribingInstitutionId} as its general practitioner {@code actor}. */
    PrescriptionId prescribe(WritePrescription command, UUID prescribingInstitutionId, String actor, Instant at);

    /** Approves as a pharmacist {@code actor} of the prescription's reviewing institution. */
    PrescriptionStatus approve(PrescriptionId id, ReviewDecision decision, String actor, Instant at);

    /** Returns to the prescriber with the decision's reason, as a pharmacist of the reviewing institution. */
    PrescriptionStatus returnToPrescriber(PrescriptionId id, ReviewDecision decision, String actor, Instant at);

    /** The prescriber {@code actor} insists on a returned prescription with the decision's reason (counted, RX-9). */
    PrescriptionStatus override(PrescriptionId id, ReviewDecision decision, String actor, Instant at);

    /** The prescriber {@code actor} withdraws the prescription with the decision's reason. */
    PrescriptionStatus cancel(PrescriptionId id, ReviewDecision decision, String actor, Instant at);

    /** Dispenses in full as a pharmacist {@code actor} of the prescription's dispensing site. */
    PrescriptionStatus dispense(PrescriptionId id, String actor, Instant at);

    /** Records a partial or no dispensing with its coded reason, as a pharmacist of the dispensing site. */
    PrescriptionStatus dispense(PrescriptionId id, PrescriptionAction outcome, Dispense outcomeDetails, String actor, Instant at);
}
