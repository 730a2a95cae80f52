package org.medunion.residents;

import org.medunion.support.PostgresTest;

@PostgresTest
class PovertyCoveragePostgresTest extends PovertyCoverageContract {
}
