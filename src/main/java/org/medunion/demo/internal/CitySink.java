package org.medunion.demo.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.LogWork;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;

/**
 * Receives the generated city, object by object, in dependency order (grids before the institutions in
 * them, institutions before their practitioners and consortia, consortia before agreements, agreements
 * before dispatches, dispatches before work logs). Every object carries the generator's stable ID; the
 * commands refer to other objects by those IDs. A sink may hold everything (tests, demo scale) or pass
 * objects on in batches (district scale).
 */
interface CitySink {

    void grid(UUID id, DrawGrid command);

    void institution(UUID id, @Nullable String key, RegisterInstitution command);

    void practitioner(UUID id, RegisterPractitioner command);

    void studyPeriod(UUID practitionerId, RecordStudyPeriod command);

    void consortium(UUID id, @Nullable String key, FormConsortium command);

    void agreement(UUID id, UUID consortiumId, RecordAgreement command);

    void dispatch(UUID id, UUID consortiumId, DispatchStaff command);

    void workLog(UUID dispatchId, LogWork command);

    /** End of a chunk (a district at the larger scales): a batching sink writes what it holds. */
    default void flush() {
    }
}
