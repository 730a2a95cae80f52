package org.medunion.residents;

import org.medunion.support.PostgresTest;

@PostgresTest
class ResidentsPostgresTest extends ResidentsContract {
}
