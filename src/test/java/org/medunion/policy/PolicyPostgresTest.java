package org.medunion.policy;

import org.medunion.support.PostgresTest;

@PostgresTest
class PolicyPostgresTest extends PolicyContract {
}
