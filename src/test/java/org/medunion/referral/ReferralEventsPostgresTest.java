package org.medunion.referral;

import org.medunion.support.PostgresTest;

@PostgresTest
class ReferralEventsPostgresTest extends ReferralEventsContract {
}
