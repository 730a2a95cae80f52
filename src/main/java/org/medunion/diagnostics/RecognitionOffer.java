package org.medunion.diagnostics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the platform offers when a clinician orders an item for a resident (NAT-R-5): the list in force and the item's
 * window, and every earlier result of the item with "offered because …" or "not offered because …". The platform
 * never blocks a re-examination (NAT-R-6): the offer only informs the decision.
 *
 * @param windowDays null: no window, the doctor judges (NAT-R-4)
 */
public record RecognitionOffer(UUID residentId, String itemCode, String itemName, UUID orderingInstitutionId,
                               LocalDate asOf, @Nullable String listJurisdiction, @Nullable Integer listVersion,
                               @Nullable Integer windowDays, BigDecimal listPrice, List<Candidate> candidates) {

    public boolean anyOffered() {
        return candidates.stream().anyMatch(Candidate::offered);
    }

    /** One earlier result and the verdict on it. */
    public record Candidate(ReportId reportId, LocalDate resultDate, long ageDays, UUID performerInstitutionId,
                            String performerName, ReportStatus status, @Nullable String mark, boolean offered,
                            List<Reason> reasons) {
    }

    /** A reason with its arguments and its text in the caller's language. */
    public record Reason(OfferReason code, List<String> args, String text) {
    }
}
