package org.medunion.indicators.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.referral.ReferralMeasures;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link IndicatorEvidenceSource} from the day rollups: the same sums the indicator values are computed from. */
@Component
@Transactional(readOnly = true)
class PolicyIndicatorEvidence implements IndicatorEvidenceSource {

    private final DaySums sums;
    private final ReferralMeasures referrals;

    PolicyIndicatorEvidence(JdbcClient jdbc, ReferralMeasures referrals) {
        this.sums = new DaySums(jdbc);
        this.referrals = referrals;
    }

    @Override
    public Optional<Share> chronicAtTertiary(Collection<UUID> institutions, LocalDate from, LocalDate to) {
        long[] c = sums.chronicVisits(institutions.stream().map(i -> new DaySums.Window(i, from, to.plusDays(1))).toList());
        return Optional.of(new Share(c[0], c[1]));
    }

    @Override
    public Optional<Share> notReferredBack(Collection<UUID> institutions, LocalDate from, LocalDate to, int days) {
        var r = referrals.upwardReturns(institutions.stream().map(i -> new InstitutionDays(i, from, to.plusDays(1))).toList(), days);
        return Optional.of(new Share(r.notReturned(), r.residents()));
    }

    @Override
    public HospitalFigures hospitalFigures(UUID institutionId, LocalDate from, LocalDate to) {
        var s = sums.sums(List.of(new DaySums.Window(institutionId, from, to.plusDays(1))), false);
        return new HospitalFigures(s.visits(), s.discharges(), s.operations(), s.level4(), s.bedDays());
    }
}
