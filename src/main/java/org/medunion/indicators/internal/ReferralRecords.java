package org.medunion.indicators.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.ReferralRecord;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.referral.ReferralMeasures;
import org.medunion.referral.ReferralMeasures.Counted;
import org.medunion.shared.InstitutionDays;
import org.springframework.stereotype.Component;

/**
 * The referrals behind a referral indicator's value, over the same spans and with the same rule as the value itself
 * ({@link IndicatorQueries}): I-2 counts the completed ones with the subject on either side, I-3 and I-13 the ones its
 * institutions received.
 */
@Component
class ReferralRecords {

    private final ReferralMeasures referrals;

    ReferralRecords(ReferralMeasures referrals) {
        this.referrals = referrals;
    }

    List<ReferralRecord> records(Indicator indicator, Resolved subject, int limit, Function<UUID, String> names) {
        if (!indicator.fromReferrals()) {
            return List.of();
        }
        var windows = subject.spans().stream().map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        Counted which = indicator == Indicator.I_2 ? Counted.COMPLETED : Counted.RECEIVED;
        return referrals.records(which, windows, limit).stream()
                .map(r -> new ReferralRecord(r, names.apply(r.fromInstitutionId()),
                        r.toInstitutionId() == null ? null : names.apply(r.toInstitutionId())))
                .toList();
    }
}
