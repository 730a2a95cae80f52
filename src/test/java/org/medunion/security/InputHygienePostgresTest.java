package org.medunion.security;

import org.medunion.support.PostgresTest;

@PostgresTest
class InputHygienePostgresTest extends InputHygieneContract {
}
