package org.medunion.indicators;

import org.medunion.support.PostgresTest;

@PostgresTest
class EncounterImportPostgresTest extends EncounterImportContract {
}
