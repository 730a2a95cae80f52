package org.medunion.identity;

import org.medunion.support.PostgresTest;

@PostgresTest
class AccountsPostgresTest extends AccountsContract {
}
