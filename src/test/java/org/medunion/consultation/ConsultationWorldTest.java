package org.medunion.consultation;

import java.util.UUID;
import org.medunion.support.RunningCity;

/** What the consultation contracts (REST and FHIR) share: the running server, a fresh world, the rows of a resident. */
abstract class ConsultationWorldTest extends RunningCity {

    ConsultationFixture freshWorld() {
        return new ConsultationFixture(port, registry, residents, accounts);
    }

    long rowsOf(UUID resident) {
        return jdbc.sql("select count(*) from consultation_consultation where resident_id = ?").param(resident)
                .query(Long.class).single();
    }
}
