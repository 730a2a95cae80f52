package org.medunion.pharmacy;

import org.medunion.support.PostgresTest;

@PostgresTest
class PharmacyPostgresTest extends PharmacyContract {
}
