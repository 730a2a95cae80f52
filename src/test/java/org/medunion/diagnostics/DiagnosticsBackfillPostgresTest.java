package org.medunion.diagnostics;

import org.medunion.support.PostgresTest;

@PostgresTest
class DiagnosticsBackfillPostgresTest extends DiagnosticsBackfillContract {
}
