package org.medunion.diagnostics;

/**
 * Why an earlier result is offered for recognition or not (NAT-R-2, 4, 9, 10, 12); each has the bundle text
 * {@code diagnostics.reason.<name>} with the arguments of {@link RecognitionOffer.Reason}.
 */
public enum OfferReason {

    // offered because …
    WITHIN_WINDOW(true),
    NO_WINDOW_DOCTOR_JUDGES(true),
    ON_LIST(true),
    TIGHT_GROUP_ALL_ITEMS(true),
    QC_VALID(true),
    DIRECTION_UPWARD(true),
    DIRECTION_SAME_SCOPE(true),
    // not offered because …
    WINDOW_EXCEEDED(false),
    NOT_ON_LIST(false),
    NO_QC(false),
    QC_FAILED(false),
    QC_EXPIRED(false),
    WRONG_DIRECTION(false),
    PRELIMINARY(false),
    CRITICAL(false),
    IMAGES_UNAVAILABLE(false),
    AFTER_AS_OF(false);

    private final boolean favourable;

    OfferReason(boolean favourable) {
        this.favourable = favourable;
    }

    /** True for an "offered because …" reason, false for a "not offered because …" one. */
    public boolean favourable() {
        return favourable;
    }
}
