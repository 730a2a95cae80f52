package org.medunion.demo.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

/** A sink that keeps the whole city in memory: the demo scale, and tests of the generator. */
final class CityRecorder implements CitySink {

    /** One object; a kind without an ID, a parent or a key (see the methods below) leaves it null. */
    record Item<T>(@Nullable UUID id, @Nullable UUID parentId, @Nullable String key, T command) {

        UUID knownId() {
            return Objects.requireNonNull(id, "recorded with its ID");
        }

        UUID knownParentId() {
            return Objects.requireNonNull(parentId, "recorded with its parent");
        }
    }

    final List<Item<DrawGrid>> grids = new ArrayList<>();
    final List<Item<RegisterInstitution>> institutions = new ArrayList<>();
    final List<Item<RegisterPractitioner>> practitioners = new ArrayList<>();
    final List<Item<RecordStudyPeriod>> studyPeriods = new ArrayList<>();
    final List<Item<FormConsortium>> consortia = new ArrayList<>();
    final List<Item<RecordAgreement>> agreements = new ArrayList<>();
    final List<Item<DispatchStaff>> dispatches = new ArrayList<>();
    final List<Item<LogWork>> workLogs = new ArrayList<>();

    @Override
    public void grid(UUID id, DrawGrid command) {
        grids.add(new Item<>(id, null, null, command));
    }

    @Override
    public void institution(UUID id, @Nullable String key, RegisterInstitution command) {
        institutions.add(new Item<>(id, null, key, command));
    }

    @Override
    public void practitioner(UUID id, RegisterPractitioner command) {
        practitioners.add(new Item<>(id, null, null, command));
    }

    @Override
    public void studyPeriod(UUID practitionerId, RecordStudyPeriod command) {
        studyPeriods.add(new Item<>(null, practitionerId, null, command));
    }

    @Override
    public void consortium(UUID id, @Nullable String key, FormConsortium command) {
        consortia.add(new Item<>(id, null, key, command));
    }

    @Override
    public void agreement(UUID id, UUID consortiumId, RecordAgreement command) {
        agreements.add(new Item<>(id, consortiumId, null, command));
    }

    @Override
    public void dispatch(UUID id, UUID consortiumId, DispatchStaff command) {
        dispatches.add(new Item<>(id, consortiumId, null, command));
    }

    @Override
    public void workLog(UUID dispatchId, LogWork command) {
        workLogs.add(new Item<>(null, dispatchId, null, command));
    }

    /** Replays everything into another sink, in the order it was generated. */
    void replay(CitySink sink) {
        // the generator's own order interleaves kinds; replaying kind by kind keeps dependencies intact
        grids.forEach(i -> sink.grid(i.knownId(), i.command()));
        institutions.forEach(i -> sink.institution(i.knownId(), i.key(), i.command()));
        practitioners.forEach(i -> sink.practitioner(i.knownId(), i.command()));
        studyPeriods.forEach(i -> sink.studyPeriod(i.knownParentId(), i.command()));
        consortia.forEach(i -> sink.consortium(i.knownId(), i.key(), i.command()));
        agreements.forEach(i -> sink.agreement(i.knownId(), i.knownParentId(), i.command()));
        dispatches.forEach(i -> sink.dispatch(i.knownId(), i.knownParentId(), i.command()));
        workLogs.forEach(i -> sink.workLog(i.knownParentId(), i.command()));
        sink.flush();
    }

    int size() {
        return grids.size() + institutions.size() + practitioners.size() + studyPeriods.size() + consortia.size()
                + agreements.size() + dispatches.size() + workLogs.size();
    }
}
