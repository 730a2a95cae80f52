package org.medunion.web;

import org.medunion.support.PostgresTest;

@PostgresTest
class ReferralConsolePostgresTest extends ReferralConsoleContract {
}
