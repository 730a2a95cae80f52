package org.medunion.fhir;

import org.medunion.support.PostgresTest;

@PostgresTest
class FhirLastUpdatedPostgresTest extends FhirLastUpdatedContract {
}
