package org.medunion.identity;

import org.medunion.support.PostgresTest;

@PostgresTest
class FoundationPostgresTest extends FoundationContract {
}
