package org.medunion.fhir;

import org.medunion.support.PostgresTest;

@PostgresTest
class FhirChangeTimesPostgresTest extends FhirChangeTimesContract {
}
