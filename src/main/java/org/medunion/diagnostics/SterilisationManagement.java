package org.medunion.diagnostics;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The sterilisation centre (消毒供应中心, SC-7): pack types, batches with indicators, issue and return of sterile
 * packs per member in an append-only inventory log, batch trace and recall. No resident data. The centre's staff
 * (of the institution running it) record; members' staff read their own receipts; the consortium's office reads all
 * of its centres; anybody else gets 404 for a centre or batch and 403 for another institution's receipts.
 */
public interface SterilisationManagement {

    PackTypeView definePackType(DefinePackType command);

    List<PackTypeView> packTypes(CentreId centre);

    BatchView recordBatch(CentreId centre, RecordBatch command);

    /** A later indicator result; a failed one recalls the batch. */
    BatchView recordIndicator(UUID batchId, RecordIndicator command);

    /** Recalls a batch for another cause (damage, a process fault); the trace lists the members holding its packs. */
    BatchTrace recall(UUID batchId, @Nullable String reason);

    /** The centre's batches, newest first, with stock. */
    List<BatchView> batches(CentreId centre);

    BatchView batch(UUID batchId);

    InventoryEntry issue(MovePacks command);

    InventoryEntry returnPacks(MovePacks command);

    BatchTrace trace(UUID batchId);

    /** What the institution received and returned, newest first (the caller's own institution when null). */
    List<InventoryEntry> receipts(@Nullable UUID institutionId);

    /** The sterilisation centres the caller may read (running, served by, or office of). */
    List<CentreView> sterilisationCentres();
}
