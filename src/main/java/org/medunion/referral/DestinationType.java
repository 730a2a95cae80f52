package org.medunion.referral;

/**
 * Where a downward referral sends the resident (product.md §5, CN-4 hospice bed types), and so how the
 * receiving side accepts it (docs/decisions/0004-downward-acceptance.md).
 */
public enum DestinationType {

    COMMUNITY_BED, FAMILY_BED, NURSING_HOME, REHAB, HOSPICE_INSTITUTIONAL, HOSPICE_HOME, OUTPATIENT_FOLLOW_UP;

    public boolean isHospice() {
        return this == HOSPICE_INSTITUTIONAL || this == HOSPICE_HOME;
    }

    /** Care in an institution's bed: accepted with a bed booking (INPATIENT_BED schedule). */
    public boolean needsBed() {
        return this == COMMUNITY_BED || this == NURSING_HOME || this == REHAB || this == HOSPICE_INSTITUTIONAL;
    }

    /** Care at home (家庭病床, 居家安宁疗护): accepted with a responsible team or practitioner and a start date. */
    public boolean isHomeCare() {
        return this == FAMILY_BED || this == HOSPICE_HOME;
    }
}
