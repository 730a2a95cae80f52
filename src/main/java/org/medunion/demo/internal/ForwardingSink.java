package org.medunion.demo.internal;

import java.util.UUID;
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

    private final CitySink next;

    ForwardingSink(CitySink next) {
        this.next = next;
    }

    @Override
    public void grid(UUID id, DrawGrid command) {
        next.grid(id, command);
    }

    @Override
    public void institution(UUID id, String key, RegisterInstitution command) {
        next.institution(id, key, command);
    }

    @Override
    public void practitioner(UUID id, RegisterPractitioner command) {
        next.practitioner(id, command);
    }

    @Override
    public void studyPeriod(UUID practitionerId, RecordStudyPeriod command) {
        next.studyPeriod(practitionerId, command);
    }

    @Override
    public void consortium(UUID id, String key, FormConsortium command) {
        next.consortium(id, key, command);
    }

    @Override
    public void agreement(UUID id, UUID consortiumId, RecordAgreement command) {
        next.agreement(id, consortiumId, command);
    }

    @Override
    public void dispatch(UUID id, UUID consortiumId, DispatchStaff command) {
        next.dispatch(id, consortiumId, command);
    }

    @Override
    public void workLog(UUID dispatchId, LogWork command) {
        next.workLog(dispatchId, command);
    }

    @Override
    public void flush() {
        next.flush();
    }
}
