package org.medunion.registry;

import org.medunion.support.PostgresTest;

@PostgresTest
class PublicHealthDepartmentPostgresTest extends PublicHealthDepartmentContract {
}
