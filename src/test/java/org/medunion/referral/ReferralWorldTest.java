package org.medunion.referral;

import org.medunion.support.RunningCity;
import org.springframework.beans.factory.annotation.Autowired;

/** What a referral contract needs to build a {@link ReferralFixture} world and look at the tables. */
abstract class ReferralWorldTest extends RunningCity {

    @Autowired
    org.medunion.scheduling.unscoped.SystemScheduling scheduling;

    ReferralFixture newWorld() {
        return new ReferralFixture(port, registry, residents, scheduling, accounts);
    }
}
