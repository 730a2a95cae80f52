package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Resource;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralSearch;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;

/**
 * The one search behind {@code ServiceRequest} and {@code Task} (both are views of a referral): every criterion,
 * {@code _lastUpdated} included, is a SQL filter of the referral module's scoped search, and each page is cut
 * there; the referral-number identifier is an exact look-up that the other criteria then narrow.
 */
record ReferralSearches(ReferralManagement referrals) {

    /** Each referral read is audited, so a page holds 1–200 (no total-only {@code _count=0}). */
    static Pages.Request page(Integer count, Integer offset) {
        return Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
    }

    <R extends Resource> IBundleProvider search(String number, UUID to, UUID from, UUID resident, ReferralStatus status,
                                                DateRangeParam lastUpdated, Pages.Request page,
                                                Function<ReferralView, R> mapper) {
        var search = new ReferralSearch(to, from, resident, status, LastUpdated.from(lastUpdated),
                LastUpdated.to(lastUpdated), page.count(), page.first());
        if (number != null) {
            List<R> found = referrals.byNumber(number).filter(r -> matches(r, search)).map(mapper).stream().toList();
            return Pages.slice(page, found);
        }
        var slice = referrals.search(search);
        return Pages.of(page, slice.items().stream().map(mapper).toList(), slice.total());
    }

    private static boolean matches(ReferralView r, ReferralSearch s) {
        return (s.toInstitutionId() == null || s.toInstitutionId().equals(r.toInstitutionId()))
                && (s.fromInstitutionId() == null || s.fromInstitutionId().equals(r.fromInstitutionId()))
                && (s.residentId() == null || s.residentId().equals(r.residentId()))
                && (s.status() == null || s.status() == r.status())
                && (s.updatedFrom() == null || !r.updatedAt().isBefore(s.updatedFrom()))
                && (s.updatedTo() == null || !r.updatedAt().isAfter(s.updatedTo()));
    }
}
