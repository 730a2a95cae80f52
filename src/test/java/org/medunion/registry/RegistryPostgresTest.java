package org.medunion.registry;

import org.medunion.support.PostgresTest;

@PostgresTest
class RegistryPostgresTest extends RegistryContract {
}
