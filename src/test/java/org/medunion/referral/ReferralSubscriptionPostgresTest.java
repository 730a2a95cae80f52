package org.medunion.referral;

import org.medunion.support.PostgresTest;

@PostgresTest
class ReferralSubscriptionPostgresTest extends ReferralSubscriptionContract {
}
