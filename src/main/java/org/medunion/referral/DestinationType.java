package org.medunion.referral;

/** Where a downward referral sends the resident (product.md §5, CN-4 hospice bed types). */
public enum DestinationType {
    COMMUNITY_BED, FAMILY_BED, NURSING_HOME, REHAB, HOSPICE_INSTITUTIONAL, HOSPICE_HOME, OUTPATIENT_FOLLOW_UP;

    public boolean isHospice() {
        return this == HOSPICE_INSTITUTIONAL || this == HOSPICE_HOME;
    }
}
