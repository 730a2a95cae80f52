package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationMeasures;
import org.medunion.consultation.ConsultationType;
import org.medunion.diagnostics.DiagnosticsMeasures;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.Level;
import org.medunion.indicators.Period;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.indicators.internal.Subjects.Span;
import org.medunion.referral.ReferralMeasures;
import org.medunion.referral.RejectionReason;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.scheduling.ReleaseRatioView;
import org.medunion.scheduling.SchedulingManagement;
import org.medunion.shared.InstitutionDays;
import org.springframework.stereotype.Component;

/**
 * The fractions of the indicators counted from the scheduling module's slots (I-8, I-9, I-22), the diagnostics module's
 * decisions, centre orders and QC (I-10, I-20, I-21, I-23…I-25), the consultation module's requests and sessions (I-15,
 * I-17…I-19) and the referrals' response times (I-13), over a subject's spans; {@link IndicatorQueries} turns
 * them into values with the target.
 */
@Component
class ServiceCounts {

    private final DiagnosticsMeasures diagnostics;
    private final ConsultationMeasures consultations;
    private final SchedulingManagement scheduling;
    private final RegistryManagement registry;
    private final ValueInputs inputs;

    ServiceCounts(DiagnosticsMeasures diagnostics, ConsultationMeasures consultations, SchedulingManagement scheduling,
                  RegistryManagement registry, ValueInputs inputs) {
        this.diagnostics = diagnostics;
        this.consultations = consultations;
        this.scheduling = scheduling;
        this.registry = registry;
        this.inputs = inputs;
    }

    /** Numerator, denominator, source records, the newest change counted (null: none or not known), parts. */
    record Fraction(BigDecimal numerator, BigDecimal denominator, long sources, @Nullable Instant newest, List<IndicatorValue.Part> parts) {

        static Fraction of(BigDecimal numerator, BigDecimal denominator, long sources, @Nullable Instant newest) {
            return new Fraction(numerator, denominator, sources, newest, List.of());
        }

        static Fraction of(BigDecimal numerator, BigDecimal denominator, long sources, @Nullable Instant newest,
                           List<IndicatorValue.Part> parts) {
            return new Fraction(numerator, denominator, sources, newest, parts);
        }
    }

    /**
     * I-8, I-9 and I-22 from the scheduling module's release ratios, summed over the subject's spans by the day a slot
     * starts; I-8 of a consortium is its lead hospital's (NN-4 sets the lead's quota), like I-4.
     */
    Fraction release(Indicator indicator, Resolved subject) {
        List<Span> spans = indicator == Indicator.I_8 && subject.level() == Level.CONSORTIUM
                ? subject.spans().stream().filter(Span::lead).toList() : subject.spans();
        var ratios = spans.stream().map(s -> scheduling.releaseRatios(new InstitutionId(s.institution()), s.from(), s.to())).toList();
        return switch (indicator) {
            case I_8 -> {
                long total = sum(ratios, ReleaseRatioView::outpatient, false);
                long beds = sum(ratios, ReleaseRatioView::beds, false);
                yield Fraction.of(BigDecimal.valueOf(sum(ratios, ReleaseRatioView::outpatient, true)),
                        BigDecimal.valueOf(total), total + beds, null,
                        List.of(IndicatorValue.Part.of("beds", sum(ratios, ReleaseRatioView::beds, true), beds)));
            }
            case I_9 -> {
                long reserved = sum(ratios, ReleaseRatioView::reservedUse, false);
                yield Fraction.of(BigDecimal.valueOf(sum(ratios, ReleaseRatioView::reservedUse, true)),
                        BigDecimal.valueOf(reserved), reserved, null);
            }
            case I_22 -> {
                long exams = sum(ratios, ReleaseRatioView::exams, false);
                long reserved = sum(ratios, ReleaseRatioView::exams, true);
                yield Fraction.of(BigDecimal.valueOf(reserved), BigDecimal.valueOf(exams), exams, null,
                        List.of(IndicatorValue.Part.of("use", sum(ratios, ReleaseRatioView::examReservedUse, true), reserved)));
            }
            default -> throw new IllegalStateException(indicator.name());
        };
    }

    /**
     * The recognition and shared-centre indicators from the diagnostics module's counts over the subject's spans: decisions
     * by the ordering institution and day (I-10, I-24, I-25), centre orders by the running institution (I-20 by the day
     * reported, I-21 by the day ordered), and the list coverage on the period's last day, today at the latest (I-23).
     */
    Fraction diagnostics(Indicator indicator, Resolved subject, Period period) {
        var windows = subject.spans().stream().map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        if (indicator == Indicator.I_20 || indicator == Indicator.I_21) {
            var w = diagnostics.centreWork(windows);
            if (indicator == Indicator.I_20) {
                return Fraction.of(BigDecimal.valueOf(w.reportedOnTime()), BigDecimal.valueOf(w.reported()),
                        w.reported(), w.newest());
            }
            long all = w.orderedBy().values().stream().mapToLong(Long::longValue).sum();
            long primary = w.orderedBy().entrySet().stream().filter(e -> registry.institutionEntry(new InstitutionId(e.getKey()))
                    .map(InstitutionView::isPrimary).orElse(false)).mapToLong(e -> e.getValue()).sum();
            return Fraction.of(BigDecimal.valueOf(primary), BigDecimal.valueOf(all), all, w.newest());
        }
        var d = diagnostics.decisions(windows);
        return switch (indicator) {
            case I_10 -> {
                long counted = d.recognised() + d.nonRecognised();
                var hospitals = new LinkedHashSet<UUID>();
                subject.spans().forEach(s -> registry.institutionEntry(new InstitutionId(s.institution()))
                        .filter(InstitutionView::isPublicHospital).ifPresent(i -> hospitals.add(s.institution())));
                long participating = hospitals.stream().filter(d.recognising()::contains).count();
                yield Fraction.of(BigDecimal.valueOf(d.recognised()), BigDecimal.valueOf(counted),
                        d.recognised() + d.reexamined(), d.newest(),
                        List.of(IndicatorValue.Part.of("participation", participating, hospitals.size())));
            }
            case I_24 -> {
                long non = d.nonRecognised();
                var parts = indicator.parts().stream()
                        .map(r -> IndicatorValue.Part.of(r, d.reexaminedByReason().getOrDefault(r, 0L), non)).toList();
                yield Fraction.of(BigDecimal.valueOf(non), BigDecimal.valueOf(d.reexamined()), d.reexamined(),
                        d.newest(), parts);
            }
            case I_25 -> Fraction.of(d.avoidedCost(), BigDecimal.valueOf(d.recognised()), d.recognised(),
                    d.newest());
            case I_23 -> coverage(subject, period, d);
            default -> throw new IllegalStateException(indicator.name());
        };
    }

    /** I-23 on the period's last day (today at the latest): listed items the subject's institutions hold a QC pass for. */
    private Fraction coverage(Resolved subject, Period period, DiagnosticsMeasures.Decisions d) {
        var asked = inputs.itemCoverage(subject, period);
        var c = diagnostics.itemCoverage(subject.divisionCode(), asked.institutions(), asked.day());
        long recognised = d.recognisedItems().stream().filter(c.listedItems()::contains).count();
        return Fraction.of(BigDecimal.valueOf(c.qualified()), BigDecimal.valueOf(c.listed()), c.listed(),
                d.newest(), List.of(IndicatorValue.Part.of("recognised", recognised, c.listed())));
    }

    /**
     * The consultation indicators over the subject's spans: the requests its institutions were invited to (I-15 by the day
     * closed, I-17 and I-18 by the day requested) and the joint clinics and remote rounds held at its primary institutions
     * (I-19, by the session's day).
     */
    Fraction consultation(Indicator indicator, Resolved subject) {
        var windows = subject.spans().stream().map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        if (indicator == Indicator.I_19) {
            var primary = windows.stream().filter(w -> registry.institutionEntry(new InstitutionId(w.institution()))
                    .map(InstitutionView::isPrimary).orElse(false)).toList();
            long sites = primary.stream().map(InstitutionDays::institution).distinct().count();
            var held = consultations.sessions(primary);
            return Fraction.of(BigDecimal.valueOf(held.sessions()), BigDecimal.valueOf(sites), held.patients(), held.newest(),
                    List.of(IndicatorValue.Part.of("patients", held.patients(), held.sessions())));
        }
        var c = consultations.invited(windows);
        return switch (indicator) {
            case I_15 -> {
                long done = c.completedTotal();
                var parts = Arrays.stream(ConsultationType.values())
                        .map(t -> IndicatorValue.Part.of(t.name(), c.completedByType().getOrDefault(t, 0L), done)).toList();
                yield Fraction.of(BigDecimal.valueOf(done), BigDecimal.ONE, done, c.newest(), parts);
            }
            case I_17 -> {
                long total = c.minutesToAccept().stream().mapToLong(Long::longValue).sum();
                yield Fraction.of(hours(total), BigDecimal.valueOf(c.minutesToAccept().size()), c.requested(), c.newest(),
                        List.of(hoursPart("acceptMedian", c.minutesToAccept(), 50), hoursPart("acceptP90", c.minutesToAccept(), 90),
                                hoursPart("opinionMedian", c.minutesToOpinion(), 50), hoursPart("opinionP90", c.minutesToOpinion(), 90)));
            }
            case I_18 -> Fraction.of(BigDecimal.valueOf(c.completed()), BigDecimal.valueOf(c.accepted()), c.requested(), c.newest(),
                    List.of(IndicatorValue.Part.of("conversion", c.adviceConverted(), c.advice())));
            default -> throw new IllegalStateException(indicator.name());
        };
    }

    /**
     * I-13 from the referrals the subject received: mean hours to acceptance, its median and P90, the rejected share of the
     * answered ones and each rejection reason's share of the rejected.
     */
    static Fraction responses(ReferralMeasures.Responses r) {
        long total = r.minutesToAccept().stream().mapToLong(Long::longValue).sum();
        long accepted = r.minutesToAccept().size();
        var parts = new ArrayList<IndicatorValue.Part>(List.of(hoursPart("acceptMedian", r.minutesToAccept(), 50),
                hoursPart("acceptP90", r.minutesToAccept(), 90),
                IndicatorValue.Part.of("rejected", r.rejected(), accepted + r.rejected())));
        Arrays.stream(RejectionReason.values())
                .forEach(reason -> parts
                        .add(IndicatorValue.Part.of(reason.name(), r.rejectedByReason().getOrDefault(reason, 0L), r.rejected())));
        return Fraction.of(hours(total), BigDecimal.valueOf(accepted), r.received(), r.newest(), parts);
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** A percentile (nearest rank) in hours as a part of one case, or no data without cases. */
    static IndicatorValue.Part hoursPart(String key, List<Long> minutes, int percentile) {
        if (minutes.isEmpty()) {
            return new IndicatorValue.Part(key, BigDecimal.ZERO, BigDecimal.ZERO, null);
        }
        var sorted = minutes.stream().sorted().toList();
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
        BigDecimal h = hours(sorted.get(Math.max(rank, 1) - 1));
        return new IndicatorValue.Part(key, h, BigDecimal.ONE, h);
    }

    private static long sum(List<ReleaseRatioView> ratios, Function<ReleaseRatioView, ReleaseRatioView.Ratio> which, boolean numerator) {
        return ratios.stream().map(which).mapToLong(r -> numerator ? r.numerator() : r.denominator()).sum();
    }
}
