package org.medunion.diagnostics.internal;

import org.medunion.support.PostgresTest;

@PostgresTest
class ImportJobsStartupPostgresTest extends ImportJobsStartupContract {
}
