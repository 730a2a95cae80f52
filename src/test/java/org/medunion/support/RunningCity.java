package org.medunion.support;

import org.medunion.audit.AuditTrail;
import org.medunion.identity.AccountManagement;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every contract against the running server needs to build its world and look at the tables: the port, the
 * facades the fixtures register institutions, residents and accounts through, the audit trail and plain JDBC. One
 * home, so the module contracts do not each declare the same six injected fields.
 */
public abstract class RunningCity {

    @LocalServerPort
    protected int port;

    @Autowired
    protected AccountManagement accounts;

    @Autowired
    protected RegistryManagement registry;

    @Autowired
    protected ResidentsManagement residents;

    @Autowired
    protected AuditTrail audit;

    @Autowired
    protected JdbcClient jdbc;
}
