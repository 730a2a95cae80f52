package org.medunion.referral;

import org.medunion.support.H2Test;

@H2Test
class ReferralEventsH2Test extends ReferralEventsContract {
}
