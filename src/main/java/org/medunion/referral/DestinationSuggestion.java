package org.medunion.referral;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One suggested destination, best first: the resident's contract hospitals (SH-15), the zone's backing
 * hospital for nursing-home residents (CN-3), hospice centres by bed type (CN-4), then consortium members.
 *
 * @param basis the rule that put it on the list: CONTRACT_DISTRICT, CONTRACT_MUNICIPAL, CONTRACT_PRIMARY,
 *              ZONE_BACKING, HOSPICE_REGIONAL, HOSPICE_HOME, CONSORTIUM_LEAD, CONSORTIUM_MEMBER
 */
public record DestinationSuggestion(UUID institutionId, @Nullable String name, String basis, @Nullable String ruleId, int rank) {
}
