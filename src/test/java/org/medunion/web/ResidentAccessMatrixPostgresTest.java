package org.medunion.web;

import org.medunion.support.PostgresTest;

@PostgresTest
class ResidentAccessMatrixPostgresTest extends ResidentAccessMatrixContract {
}
