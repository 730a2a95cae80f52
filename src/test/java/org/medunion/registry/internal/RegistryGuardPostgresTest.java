package org.medunion.registry.internal;

import org.medunion.support.PostgresTest;

@PostgresTest
class RegistryGuardPostgresTest extends RegistryGuardContract {
}
