package org.medunion.security;

import org.medunion.support.PostgresTest;

@PostgresTest
class AccessMatrixPostgresTest extends AccessMatrixContract {
}
