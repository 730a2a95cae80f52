package org.medunion.referral;

import org.medunion.support.H2Test;

@H2Test
class FollowUpH2Test extends FollowUpContract {
}
