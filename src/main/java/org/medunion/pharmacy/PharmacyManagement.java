package org.medunion.pharmacy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.Slice;

/**
 * The pharmacy module's facade. Every prescription read and change is scoped to the caller and audited.
 */
public interface PharmacyManagement {

    // formulary (RX-14) — no personal data

    List<FormularyDrugView> formulary(@Nullable String query);

    Optional<FormularyDrugView> drug(String code);

    /** Replaces the given items of an institution's catalogue (its own staff, its consortium office, admin). */
    CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items);

    /**
     * Maps an institution's catalogue items from the rows of a table (header first, {@link CatalogueImport#COLUMNS}; an
     * item is added or replaced by its local code, items not in the table stay), all or nothing: every rejected row is
     * reported and then nothing is written.
     */
    CatalogueImport importCatalogue(UUID institutionId, List<List<String>> table);

    /** Mapping coverage of the members the caller may see (office: its consortium; institution staff: their own). */
    List<CatalogueCoverage> coverage();

    // prescriptions

    PrescriptionView prescribe(WritePrescription command);

    /** The checks of {@link #prescribe} without writing anything (the prescriber's live feedback); audited as a read. */
    PrescriptionCheck check(WritePrescription command);

    PrescriptionView prescription(PrescriptionId id);

    /** The caller's prescriptions: the prescriber's institution's, a pharmacist's queue and dispensing list. */
    List<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status);

    /** One page of what the caller may see (returned first, then newest), cut in SQL, with the count of all. */
    Slice<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status, int limit, int offset);

    /** RX-8/RX-11: the review queue the caller's institution owns, oldest first. */
    List<PrescriptionView> reviewQueue();

    /** RX-15: approved prescriptions to dispense at the caller's institution. */
    List<PrescriptionView> dispensingList();

    PrescriptionView approve(PrescriptionId id, ReviewDecision decision);

    PrescriptionView returnToPrescriber(PrescriptionId id, ReviewDecision decision);

    PrescriptionView resubmit(PrescriptionId id, WritePrescription fixed);

    PrescriptionView override(PrescriptionId id, ReviewDecision decision);

    PrescriptionView cancel(PrescriptionId id, ReviewDecision decision);

    PrescriptionView chooseDispensingSite(PrescriptionId id, ChooseDispensingSite command);

    PrescriptionView dispense(PrescriptionId id, PrescriptionAction outcome, Dispense command);

    PrescriptionStatistics statistics();
}
