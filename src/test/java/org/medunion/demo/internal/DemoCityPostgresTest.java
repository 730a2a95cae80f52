package org.medunion.demo.internal;

import org.medunion.support.PostgresTest;

@PostgresTest
class DemoCityPostgresTest extends DemoCityContract {
}
