package org.medunion.policy.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medunion.policy.IndicatorEvidenceSource;
import org.medunion.policy.IndicatorEvidenceSource.Share;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionView;

/**
 * CQ-4 and CQ-9, judged from indicator I-12 year on year per active consortium of a jurisdiction applying the CQ pack
 * (decision 0256): the share must fall against the same days of the year before (1 January to the as-of day, both
 * years), so a share this year at or above last year's is a finding. CQ-4: the chronic (hypertension, diabetes) share of
 * the outpatient visits at the consortium's tertiary hospitals — 三级医院逐步减少…慢性病患者比例; CQ-9: contracted
 * residents referred up by its primary institutions and not referred back within {returnDays} (default 90, indicators.md
 * I-12) — 防止…"虹吸"基层资源. A year without a value (no visits, no referral up) is NO_DATA naming that year, never a pass;
 * without the indicators module: one NO_DATA per jurisdiction. Current members stand for both years.
 */
final class SiphoningTrendPolicy extends RuleSupport {

    private final boolean referrals;

    private SiphoningTrendPolicy(String id, boolean referrals, Map<String, String> defaults) {
        super(id, Pack.CQ, Severity.WARN, Coverage.EVALUATED, defaults);
        this.referrals = referrals;
    }

    /** CQ-4: stable chronic patients at tertiary hospitals. */
    static SiphoningTrendPolicy chronicAtTertiary() {
        return new SiphoningTrendPolicy("CQ-4", false, Map.of());
    }

    /** CQ-9: contracted residents referred up and not back. */
    static SiphoningTrendPolicy notReferredBack() {
        return new SiphoningTrendPolicy("CQ-9", true, Map.of("returnDays", "90"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.indicators().isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("source." + id(), referrals ? "indicator I-12" : "indicator I-12 (chronic visits)"));
        }
        IndicatorEvidenceSource source = s.indicators().get();
        LocalDate to = s.today();
        LocalDate from = to.withDayOfYear(1);
        LocalDate lastTo = to.minusYears(1);
        LocalDate lastFrom = lastTo.withDayOfYear(1);
        List<Finding> findings = new ArrayList<>();
        for (ConsortiumView c : s.activeConsortia()) {
            if (!s.applies(pack(), c.districtCode())) {
                continue;
            }
            List<UUID> sites = s.activeMembers(c).stream().map(m -> s.institution(m.institutionId()))
                    .filter(i -> i != null && (referrals ? i.isPrimary() : i.level() == HospitalLevel.TERTIARY))
                    .map(InstitutionView::id).map(i -> i.value()).toList();
            if (sites.isEmpty()) {
                continue; // no tertiary hospital (CQ-4) or primary institution (CQ-9): nothing the clause speaks of
            }
            int days = referrals ? (int) p.decimal(this, "returnDays", c.districtCode()) : 0;
            Optional<Share> now = share(source, sites, from, to, days);
            Optional<Share> before = share(source, sites, lastFrom, lastTo, days);
            String period = from + "…" + to;
            String previous = lastFrom + "…" + lastTo;
            if (now.isEmpty() || now.get().empty() || before.isEmpty() || before.get().empty()) {
                String missing = now.isEmpty() || now.get().empty() ? period : previous;
                findings.add(noData(s.subject(c), "noData", Texts.text(Texts.term("source." + id(), "indicator I-12"), " ", missing)));
                continue;
            }
            Share a = now.get();
            Share b = before.get();
            if (a.value() >= b.value() - 1e-12) {
                findings.add(open(s.subject(c), "notFalling",
                        Texts.text(period, ": I-12 ", a.numerator(), "/", a.denominator(), "; ", previous, ": ", b.numerator(), "/",
                                b.denominator()),
                        args(c.name(), pct(a), pct(b), period, previous)));
            }
        }
        return findings;
    }

    private Optional<Share> share(IndicatorEvidenceSource source, List<UUID> sites, LocalDate from, LocalDate to, int days) {
        return referrals ? source.notReferredBack(sites, from, to, days) : source.chronicAtTertiary(sites, from, to);
    }

    private static String pct(Share s) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * s.value());
    }
}
