package org.medunion.demo.internal;

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

/** A sink that passes everything to another; subclasses override what they watch. */
class ForwardingSink implements CitySink {

    private final @Nullable CitySink next;

    ForwardingSink(@Nullable CitySink next) {
        this.next = next;
    }

    /** For subclasses whose target changes over time; they override {@link #delegate()}. */
    protected ForwardingSink() {
        this(null);
    }

    /** Where calls go; the fixed target unless a subclass says otherwise. */
    protected CitySink delegate() {
        return Objects.requireNonNull(next, "a sink without a fixed target overrides delegate()");
    }

    @Override
    public void grid(UUID id, DrawGrid command) {
        delegate().grid(id, command);
    }

    @Override
    public void institution(UUID id, @Nullable String key, RegisterInstitution command) {
        delegate().institution(id, key, command);
    }

    @Override
    public void practitioner(UUID id, RegisterPractitioner command) {
        delegate().practitioner(id, command);
    }

    @Override
    public void studyPeriod(UUID practitionerId, RecordStudyPeriod command) {
        delegate().studyPeriod(practitionerId, command);
    }

    @Override
    public void consortium(UUID id, @Nullable String key, FormConsortium command) {
        delegate().consortium(id, key, command);
    }

    @Override
    public void agreement(UUID id, UUID consortiumId, RecordAgreement command) {
        delegate().agreement(id, consortiumId, command);
    }

    @Override
    public void dispatch(UUID id, UUID consortiumId, DispatchStaff command) {
        delegate().dispatch(id, consortiumId, command);
    }

    @Override
    public void workLog(UUID dispatchId, LogWork command) {
        delegate().workLog(dispatchId, command);
    }

    @Override
    public void flush() {
        delegate().flush();
    }
}
