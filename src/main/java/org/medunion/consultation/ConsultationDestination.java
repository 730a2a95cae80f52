package org.medunion.consultation;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One institution a consultation for a resident may invite, best first, as the referral module routes an upward
 * referral: the backing hospital of a nursing home's emergency zone (CN-3, TM-15), the resident's contract hospitals
 * (SH-15), then the consortium's lead and members.
 *
 * @param basis            why it is on the list: ZONE_BACKING, CONTRACT_DISTRICT, CONTRACT_MUNICIPAL,
 *                         CONSORTIUM_LEAD or CONSORTIUM_MEMBER
 * @param ruleId           the rule that put it first, or null for plain consortium membership
 * @param agreementInForce whether a telemedicine-capable agreement between the two institutions is in force today
 *                         (TM-1): without one the request would be refused where the pack applies
 */
public record ConsultationDestination(UUID institutionId, @Nullable String name, String basis, @Nullable String ruleId,
                                      int rank, boolean agreementInForce) {
}
