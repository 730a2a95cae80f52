package org.medunion.pharmacy;

import org.medunion.support.PostgresTest;

@PostgresTest
class PharmacyFhirPostgresTest extends PharmacyFhirContract {
}
