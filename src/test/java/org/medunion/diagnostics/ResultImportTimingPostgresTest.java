package org.medunion.diagnostics;

import org.medunion.support.PostgresTest;

@PostgresTest
class ResultImportTimingPostgresTest extends ResultImportTiming {
}
