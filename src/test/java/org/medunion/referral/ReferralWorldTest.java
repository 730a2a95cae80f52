package org.medunion.referral;

import org.medunion.identity.AccountManagement;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ResidentsManagement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a referral contract needs to build a {@link ReferralFixture} world and look at the tables. */
abstract class ReferralWorldTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountManagement accounts;

    @Autowired
    RegistryManagement registry;

    @Autowired
    ResidentsManagement residents;

    @Autowired
    org.medunion.scheduling.unscoped.SystemScheduling scheduling;

    @Autowired
    JdbcClient jdbc;

    ReferralFixture newWorld() {
        return new ReferralFixture(port, registry, residents, scheduling, accounts);
    }
}
