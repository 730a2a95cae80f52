package org.medunion.diagnostics;

import org.medunion.support.PostgresTest;

@PostgresTest
class CentreOrderFhirPostgresTest extends CentreOrderFhirContract {
}
