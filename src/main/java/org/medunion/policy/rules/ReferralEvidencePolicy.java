package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.ReferralEvidenceSource.ReferralEvidence;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;

/**
 * The rules whose data the referral module holds, evaluated per district of each jurisdiction applying the pack
 * (rules.md interpretation notes: a rule whose data exists anywhere in the platform is evaluated from it):
 * <ul>
 * <li>SH-15 / CQ-6 — contracted residents referred up by their primary institution are booked with priority; the
 * referral module's SH-15 routing warnings (a contracted resident sent past the contract's hospitals) become findings;</li>
 * <li>CN-1 — the district's institutions refer through the platform;</li>
 * <li>CN-3 — the district has emergency zones, each nursing home is mapped to one, and routing warnings are reported;
 * where the consultation module runs, each nursing home has had a patrol session (巡诊) held there ({@code patrol});</li>
 * <li>CN-4 — one regional hospice centre with institutional beds; routing warnings are reported.</li>
 * </ul>
 * Without the referral module every one reports NO_DATA; SH-15 and CQ-6 also where no referral has been made yet.
 */
final class ReferralEvidencePolicy extends RuleSupport {

    enum Check {
        PRIORITY, PLATFORM, ZONES, HOSPICE
    }

    private final Set<Check> checks;

    ReferralEvidencePolicy(String id, Pack pack, Severity severity, Set<Check> checks) {
        super(id, pack, severity, Coverage.EVALUATED);
        this.checks = checks;
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        if (s.referrals().isEmpty()) {
            return noDataPerJurisdiction(s, Texts.term("referralModule"));
        }
        ReferralEvidence e = s.referrals().get();
        // CN-3's patrols of nursing homes, from the consultation module's sessions; null when that module does not run
        Map<UUID, Long> patrols = checks.contains(Check.ZONES)
                ? s.consultations().map(c -> c.evidence(s.today()).patrolsByHome()).orElse(null) : null;
        List<Finding> findings = new ArrayList<>();
        for (String j : s.jurisdictionsApplying(pack()).stream().sorted().toList()) {
            Set<String> districts = s.districtsUnder(j);
            if (checks.contains(Check.PRIORITY) && sent(s, e.referralsBySender(), districts::contains) == 0) {
                findings.add(noData(s.jurisdictionSubject(j), "noData", Texts.text(Texts.term("referrals"), " = 0")));
                continue;
            }
            for (String d : districts) {
                findings.addAll(district(s, e, d, patrols));
            }
        }
        findings.addAll(routingWarnings(s, e));
        return findings;
    }

    private List<Finding> district(RegistrySnapshot s, ReferralEvidence e, String d, @Nullable Map<UUID, Long> patrols) {
        List<Finding> out = new ArrayList<>();
        String name = s.districtName(d);
        if (checks.contains(Check.PRIORITY)) {
            long owed = sent(s, e.priorityDue(), d::equals);
            long honoured = sent(s, e.priorityHonoured(), d::equals);
            if (honoured < owed) {
                out.add(open(s.districtSubject(d), "priority", d + " " + name + ": " + honoured + "/" + owed, args(name, honoured, owed)));
            }
        }
        if (checks.contains(Check.PLATFORM) && sent(s, e.referralsBySender(), d::equals) == 0) {
            out.add(open(s.districtSubject(d), "platform", Texts.text(d, " ", name, ": ", Texts.term("referrals"), " = 0"), args(name)));
        }
        if (checks.contains(Check.ZONES)) {
            var zones = e.zones().stream().filter(z -> d.equals(z.districtCode())).toList();
            if (zones.isEmpty()) {
                out.add(open(s.districtSubject(d), "zones", Texts.text(d, " ", name, ": ", Texts.term("zones"), " = 0"), args(name)));
            } else {
                Set<UUID> mapped = new HashSet<>();
                zones.forEach(z -> mapped.addAll(z.members()));
                s.institutions().stream().filter(i -> d.equals(i.districtCode()) && i.category() == InstitutionCategory.NURSING_HOME)
                        .filter(i -> !mapped.contains(i.id().value()))
                        .sorted(Comparator.comparing(InstitutionView::name))
                        .forEach(i -> out.add(open(s.subject(i, null), "unmapped", Texts.text(i.name(), ": ", Texts.term("zone"), " = -"),
                                args(i.name(), name), i.id())));
            }
            if (patrols != null) {
                out.addAll(unpatrolled(s, d, patrols));
            }
        }
        if (checks.contains(Check.HOSPICE)) {
            var centres = e.hospiceCentres().stream().filter(h -> d.equals(h.districtCode())).toList();
            if (centres.stream().noneMatch(h -> h.regionalWithInstitutionalBeds())) {
                out.add(open(s.districtSubject(d), "regional",
                        Texts.text(d, " ", name, ": ", Texts.term("hospiceCentres"), " = ", centres.size(), ", ",
                                Texts.term("regionalHospiceCentres"), " = 0"),
                        args(name, centres.size())));
            }
        }
        return out;
    }

    /** CN-3 "社区卫生服务中心对辖区内养老机构开展巡诊": each nursing home of the district has a patrol session held there. */
    private List<Finding> unpatrolled(RegistrySnapshot s, String d, Map<UUID, Long> patrols) {
        return s.institutions().stream().filter(i -> d.equals(i.districtCode()) && i.category() == InstitutionCategory.NURSING_HOME)
                .filter(i -> patrols.getOrDefault(i.id().value(), 0L) == 0).sorted(Comparator.comparing(InstitutionView::name))
                .map(i -> open(s.subject(i, null), "patrol@" + i.id(), Texts.text(i.name(), ": ", Texts.term("patrols"), " = 0"),
                        args(i.name(), s.districtName(d)), i.id()))
                .toList();
    }

    /** The routing warnings the referral module recorded for this rule: each reaches the planner as a finding. */
    private List<Finding> routingWarnings(RegistrySnapshot s, ReferralEvidence e) {
        List<Finding> out = new ArrayList<>();
        for (var w : e.routingWarnings()) {
            if (!id().equals(w.ruleId()) || w.createdOn() != null && w.createdOn().isAfter(s.today())) {
                continue;
            }
            InstitutionView from = s.institution(new InstitutionId(w.fromInstitutionId()));
            InstitutionView to = w.toInstitutionId() == null ? null : s.institution(new InstitutionId(w.toInstitutionId()));
            var consortium = w.consortiumId() == null ? null : s.consortium(new ConsortiumId(w.consortiumId()));
            Subject subject = consortium != null ? s.subject(consortium) : from != null ? s.subject(from, null)
                    : s.jurisdictionSubject(s.jurisdictionsApplying(pack()).iterator().next());
            String fromName = from == null ? String.valueOf(w.fromInstitutionId()) : from.name();
            String toName = to == null ? "-" : to.name();
            out.add(open(subject, "routing@" + w.number(), w.number() + ": " + fromName + " → " + toName,
                    args(w.number(), fromName, toName), from == null ? null : from.id(), to == null ? null : to.id()));
        }
        return out;
    }

    private static long sent(RegistrySnapshot s, Map<UUID, Long> bySender, Predicate<String> district) {
        long n = 0;
        for (var entry : bySender.entrySet()) {
            InstitutionView i = s.institution(new InstitutionId(entry.getKey()));
            if (i != null && i.districtCode() != null && district.test(i.districtCode())) {
                n += entry.getValue();
            }
        }
        return n;
    }
}
