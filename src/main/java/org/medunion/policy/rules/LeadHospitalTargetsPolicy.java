package org.medunion.policy.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medunion.policy.IndicatorEvidenceSource.HospitalFigures;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;

/**
 * NN-9 — the lead hospital of each urban medical group: outpatient visits ÷ discharges ≤ {visitsPerDischarge} (I-4),
 * level-4 operations ≥ {level4SurgeryShare} of operations (I-5), average stay below {lengthOfStay} days (I-6), judged
 * on the encounter facts of the evaluation year up to the as-of day (the seed sets them "到2025年"; a year is the span
 * the targets are reported over); and, from the diagnostics module, the group's public hospitals taking part in result
 * recognition — at least one recognition in the year — ≥ {recognitionShare} of them. The clause's other targets — 优质服务基层行
 * ratings, the primary-care share against the 2022 baseline, new community hospitals — have no data on the platform and
 * stay one NO_DATA finding per group, so NN-9 never passes silently. Without the indicators module, or without discharges
 * yet: NO_DATA.
 */
final class LeadHospitalTargetsPolicy extends RuleSupport {

    LeadHospitalTargetsPolicy() {
        super("NN-9", Pack.NN, Severity.TARGET, Coverage.PARTIAL,
                Map.of("visitsPerDischarge", "15", "level4SurgeryShare", "0.12", "lengthOfStay", "7.5", "recognitionShare", "1.0",
                        "basicStandardShare", "0.8", "primaryShareIncrease", "5", "newCommunityHospitals", "2"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        LocalDate to = s.today();
        LocalDate from = to.withDayOfYear(1);
        var recognitions = s.diagnostics().map(d -> d.recognitions(from, to));
        for (ConsortiumView c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            if (recognitions.isPresent()) {
                findings.add(
                        noData(s.subject(c), "unverifiedRest", Texts.term("source.NN-9.restWithoutRecognition", "ratings, 2022 baseline")));
                participation(s, c, p, recognitions.get(), from + "…" + to).ifPresent(findings::add);
            } else {
                findings.add(noData(s.subject(c), "unverified", Texts.term("source.NN-9.rest", "recognition, ratings, 2022 baseline")));
            }
            var lead = s.lead(c);
            if (lead.isEmpty() || s.indicators().isEmpty()) {
                findings.add(noData(s.subject(c), "noData", Texts.term("source.NN-9", "indicators I-4…I-6")));
                continue;
            }
            HospitalFigures h = s.indicators().get().hospitalFigures(lead.get().id().value(), from, to);
            String period = from + "…" + to;
            if (h.discharges() == 0) {
                findings.add(noData(s.subject(c), "noData", Texts.text(Texts.term("source.NN-9", "indicators I-4…I-6"), " ", period)));
                continue;
            }
            String div = c.districtCode();
            double maxRatio = p.decimal(this, "visitsPerDischarge", div);
            double ratio = (double) h.visits() / h.discharges();
            if (ratio > maxRatio + 1e-9) {
                findings.add(open(s.subject(c), "visitsPerDischarge", period + ": I-4 " + h.visits() + "/" + h.discharges(),
                        args(c.name(), lead.get().name(), fmt(ratio), p.value(this, "visitsPerDischarge", div), period), lead.get().id()));
            }
            double minShare = p.decimal(this, "level4SurgeryShare", div);
            if (h.operations() > 0 && h.level4() < minShare * h.operations() - 1e-9) {
                findings.add(open(s.subject(c), "level4SurgeryShare", period + ": I-5 " + h.level4() + "/" + h.operations(),
                        args(c.name(), lead.get().name(), ReleaseQuotaPolicy.pct(h.level4(), h.operations()),
                                percent(minShare), period),
                        lead.get().id()));
            }
            double maxStay = p.decimal(this, "lengthOfStay", div);
            double stay = (double) h.bedDays() / h.discharges();
            if (stay >= maxStay - 1e-9) {
                findings.add(open(s.subject(c), "lengthOfStay", period + ": I-6 " + h.bedDays() + "/" + h.discharges(),
                        args(c.name(), lead.get().name(), fmt(stay), p.value(this, "lengthOfStay", div), period), lead.get().id()));
            }
        }
        return findings;
    }

    /** Public hospitals of the group without a recognition in the period, when fewer than {recognitionShare} took part. */
    private Optional<Finding> participation(RegistrySnapshot s, ConsortiumView c, Parameters p, Map<UUID, Long> recognitions,
                                            String period) {
        List<InstitutionView> hospitals = s.activeMembers(c).stream().map(m -> s.institution(m.institutionId()))
                .filter(i -> i != null && i.isPublicHospital()).toList();
        List<InstitutionView> absent = hospitals.stream().filter(h -> recognitions.getOrDefault(h.id().value(), 0L) == 0).toList();
        long taking = hospitals.size() - absent.size();
        double minShare = p.decimal(this, "recognitionShare", c.districtCode());
        if (hospitals.isEmpty() || taking >= minShare * hospitals.size() - 1e-9) {
            return Optional.empty();
        }
        String names = absent.stream().map(InstitutionView::name).collect(Collectors.joining("、"));
        return Optional.of(open(s.subject(c), "recognitionShare", period + ": I-10 " + taking + "/" + hospitals.size(),
                args(c.name(), ReleaseQuotaPolicy.pct(taking, hospitals.size()), percent(minShare), names, period),
                absent.stream().map(InstitutionView::id).toArray()));
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }
}
