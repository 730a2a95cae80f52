package org.medunion.indicators.internal;

import org.medunion.support.PostgresTest;

@PostgresTest
class EncounterImportStartupPostgresTest extends EncounterImportStartupContract {
}
