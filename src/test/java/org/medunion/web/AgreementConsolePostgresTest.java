package org.medunion.web;

import org.medunion.support.PostgresTest;

@PostgresTest
class AgreementConsolePostgresTest extends AgreementConsoleContract {
}
