package org.medunion.referral;

import org.medunion.support.PostgresTest;

@PostgresTest
class FollowUpPostgresTest extends FollowUpContract {
}
