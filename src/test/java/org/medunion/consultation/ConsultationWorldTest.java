package org.medunion.consultation;

import java.util.UUID;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.AccountManagement;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the consultation contracts (REST and FHIR) share: the running server, a fresh world, the rows of a resident. */
abstract class ConsultationWorldTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    RegistryManagement registry;

    @Autowired
    ResidentsManagement residents;

    @Autowired
    AuditTrail audit;

    @Autowired
    JdbcClient jdbc;

    ConsultationFixture freshWorld() {
        return new ConsultationFixture(port, registry, residents, accounts);
    }

    long rowsOf(UUID resident) {
        return jdbc.sql("select count(*) from consultation_consultation where resident_id = ?").param(resident)
                .query(Long.class).single();
    }
}
