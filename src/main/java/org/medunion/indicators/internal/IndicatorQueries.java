package org.medunion.indicators.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.text.Collator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.EncounterKind;
import org.medunion.indicators.EncounterRow;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.IndicatorValue;
import org.medunion.indicators.Level;
import org.medunion.indicators.Period;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.indicators.internal.Subjects.Span;
import org.medunion.pharmacy.PrescriptionMeasures;
import org.medunion.policy.PolicyThresholds;
import org.medunion.referral.ReferralMeasures;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ContractMeasures;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sums day rows over a subject's spans and turns them into indicator values with numerator, denominator, source
 * count, computed-at and the NN-9 target; lists the facts behind a value.
 */
@Component
class IndicatorQueries {

    private final JdbcClient jdbc;
    private final PolicyThresholds thresholds;
    private final PrescriptionMeasures prescriptions;
    private final ReferralMeasures referralCounts;
    private final RegistryManagement registry;
    private final ServiceCounts services;
    private final DaySums daySums;
    private final ContractMeasures contracts;
    private final ValueInputs inputs;

    IndicatorQueries(JdbcClient jdbc, PolicyThresholds thresholds, PrescriptionMeasures prescriptions,
                     ReferralMeasures referralCounts, RegistryManagement registry,
                     ServiceCounts services, ContractMeasures contracts, ValueInputs inputs) {
        this.contracts = contracts;
        this.inputs = inputs;
        this.referralCounts = referralCounts;
        this.services = services;
        this.jdbc = jdbc;
        this.daySums = new DaySums(jdbc);
        this.thresholds = thresholds;
        this.prescriptions = prescriptions;
        this.registry = registry;
    }

    /** The spans an indicator sums: I-4 of a consortium is its lead hospital's, of a district its hospitals'. */
    private static List<Span> spansFor(Indicator indicator, Resolved subject) {
        if (indicator == Indicator.I_4 && subject.level() == Level.CONSORTIUM) {
            return subject.spans().stream().filter(Span::lead).toList();
        }
        return subject.spans();
    }

    private static boolean hospitalsOnly(Indicator indicator, Resolved subject) {
        return indicator == Indicator.I_4 && subject.level() == Level.DISTRICT;
    }

    private static List<DaySums.Window> windows(List<Span> spans) {
        return spans.stream().map(s -> new DaySums.Window(s.institution(), s.from(), s.to())).toList();
    }

    IndicatorValue value(Indicator indicator, Resolved subject, Period period) {
        if (!indicator.fromEncounters()) {
            return countedElsewhere(indicator, subject, period);
        }
        DaySums.Sums s = daySums.sums(windows(spansFor(indicator, subject)), hospitalsOnly(indicator, subject));
        BigDecimal num;
        BigDecimal den;
        long sources;
        switch (indicator) {
            case I_1 -> {
                num = BigDecimal.valueOf(s.primaryVisits());
                den = BigDecimal.valueOf(s.visits());
                sources = s.visits();
            }
            case I_4 -> {
                num = BigDecimal.valueOf(s.visits());
                den = BigDecimal.valueOf(s.discharges());
                sources = s.visits() + s.discharges();
            }
            case I_5 -> {
                num = BigDecimal.valueOf(s.level4());
                den = BigDecimal.valueOf(s.operations());
                sources = s.discharges();
            }
            case I_6 -> {
                num = BigDecimal.valueOf(s.bedDays());
                den = BigDecimal.valueOf(s.discharges());
                sources = s.discharges();
            }
            case I_7 -> {
                num = s.drgWeight().stripTrailingZeros();
                den = BigDecimal.valueOf(s.drgDischarges());
                sources = s.drgDischarges();
            }
            default -> throw new IllegalStateException(indicator.name());
        }
        return ratio(indicator, subject, period, num, den, sources, s.computedAt());
    }

    /** The value of each institution among the subject's spans, over its own spans, ordered by name. */
    List<IndicatorValue> members(Indicator indicator, Resolved subject, Period period) {
        var byInstitution = new LinkedHashMap<UUID, List<Span>>();
        subject.spans().forEach(s -> byInstitution.computeIfAbsent(s.institution(), k -> new ArrayList<>()).add(s));
        var out = new ArrayList<IndicatorValue>();
        byInstitution.forEach((id, spans) -> registry.institutionEntry(new InstitutionId(id)).ifPresent(i -> out.add(value(indicator,
                new Resolved(Level.INSTITUTION, id.toString(), i.name(), i.districtCode(), spans), period))));
        out.sort(Comparator.comparing(IndicatorValue::subjectName, Collator.getInstance(Locale.CHINA)));
        return out;
    }

    private IndicatorValue ratio(Indicator indicator, Resolved subject, Period period, BigDecimal num, BigDecimal den, long sources,
                                 @Nullable Instant computedAt) {
        return ratio(indicator, subject, period, num, den, sources, computedAt, List.of());
    }

    private IndicatorValue ratio(Indicator indicator, Resolved subject, Period period, BigDecimal num, BigDecimal den, long sources,
                                 @Nullable Instant computedAt, List<IndicatorValue.Part> parts) {
        BigDecimal value = indicator.isCount() ? num : den.signum() == 0 ? null : num.divide(den, 4, RoundingMode.HALF_UP);
        return new IndicatorValue(indicator.id(), subject.level(), subject.subject(), subject.name(), period.label(),
                period.start(), period.end(), num, den, value, sources, computedAt,
                target(indicator, subject.divisionCode(), value), parts);
    }

    /**
     * An indicator from the referral or pharmacy module's counts over the subject's spans (I-29 and I-31: its primary
     * institutions only); computed live, so {@code computedAt} is the newest change among the records counted.
     */
    private IndicatorValue countedElsewhere(Indicator indicator, Resolved subject, Period period) {
        if (indicator == Indicator.I_30) {
            return continuity(subject, period);
        }
        if (indicator.withoutSource()) {
            return ratio(indicator, subject, period, BigDecimal.ZERO, BigDecimal.ZERO, 0, null);
        }
        if (indicator == Indicator.I_11) {
            return coverage(subject, period);
        }
        if (indicator == Indicator.I_12) {
            return siphoning(subject, period);
        }
        if (indicator == Indicator.I_2 || indicator == Indicator.I_3 || indicator == Indicator.I_13) {
            return referralValue(indicator, subject, period);
        }
        if (indicator.fromDiagnostics() || indicator.fromScheduling() || indicator.fromConsultation()) {
            var f = indicator.fromDiagnostics() ? services.diagnostics(indicator, subject, period)
                    : indicator.fromConsultation() ? services.consultation(indicator, subject) : services.release(indicator, subject);
            return ratio(indicator, subject, period, f.numerator(), f.denominator(), f.sources(), f.newest(), f.parts());
        }
        var windows = subject.spans().stream()
                .filter(s -> !indicator.primarySitesOnly() || registry.institutionEntry(new InstitutionId(s.institution()))
                        .map(InstitutionView::isPrimary).orElse(false))
                .map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        var c = prescriptions.counts(windows);
        if (indicator == Indicator.I_29) {
            return alignment(subject, period, c);
        }
        long[] fraction = switch (indicator) {
            case I_14 -> new long[] {c.returned(), c.reviewed()};
            case I_26 -> new long[] {c.approvedBeforeCharge(), c.charged()};
            case I_27 -> new long[] {c.overridden(), c.returned()};
            case I_28 -> new long[] {c.documented(), c.overFourWeeks()};
            case I_31 -> new long[] {c.reviewedElsewhere(), c.reviewed()};
            default -> throw new IllegalStateException(indicator.name());
        };
        var parts = indicator == Indicator.I_28 ? List.of(IndicatorValue.Part.of("uptake", c.longOfEligible(), c.eligible()))
                : List.<IndicatorValue.Part>of();
        return ratio(indicator, subject, period, BigDecimal.valueOf(fraction[0]), BigDecimal.valueOf(fraction[1]), fraction[1],
                c.newest(), parts);
    }

    /**
     * I-2 (down ÷ up, completed in the period, the subject's institutions on either side) and I-3 (summaries returned ÷
     * referrals received by the subject's institutions in the period), from the referral module's counts.
     */
    private IndicatorValue referralValue(Indicator indicator, Resolved subject, Period period) {
        var windows = subject.spans().stream().map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        if (indicator == Indicator.I_2) {
            var c = referralCounts.completed(windows);
            return ratio(indicator, subject, period, BigDecimal.valueOf(c.down()), BigDecimal.valueOf(c.up()), c.up() + c.down(),
                    c.newest());
        }
        if (indicator == Indicator.I_13) {
            var f = ServiceCounts.responses(referralCounts.responses(windows));
            return ratio(indicator, subject, period, f.numerator(), f.denominator(), f.sources(), f.newest(), f.parts());
        }
        var l = referralCounts.closedLoop(windows);
        return ratio(indicator, subject, period, BigDecimal.valueOf(l.closed()), BigDecimal.valueOf(l.received()), l.received(),
                l.newest());
    }

    /**
     * I-29: the catalogue items of every institution the subject held in the period that are mapped to the consortium
     * formulary ÷ those items (RX-14's target), with the share of its primary sites' prescriptions that use a 基本药物, 集采
     * or 谈判 drug ({@code c}, counted over the primary sites only).
     */
    private IndicatorValue alignment(Resolved subject, Period period, PrescriptionMeasures.Counts c) {
        var a = prescriptions.catalogueAlignment(ValueInputs.catalogueHolders(subject));
        return ratio(Indicator.I_29, subject, period, BigDecimal.valueOf(a.mapped()), BigDecimal.valueOf(a.items()), a.items(),
                c.newest(), List.of(IndicatorValue.Part.of("priorityDrugs", c.priorityDrugs(), c.prescriptions())));
    }

    private IndicatorValue.@Nullable Target target(Indicator indicator, String divisionCode, @Nullable BigDecimal value) {
        String parameter = indicator.targetParameter();
        Indicator.Comparison comparison = indicator.comparison();
        if (parameter == null || comparison == null || indicator.targetRule() == null) {
            return null;
        }
        String rule = Objects.requireNonNull(indicator.targetRule(), indicator.name());
        var t = thresholds.threshold(rule, parameter, divisionCode);
        BigDecimal target = t.decimal();
        Boolean met = value == null ? null : comparison.met(value.doubleValue(), target.doubleValue());
        return new IndicatorValue.Target(rule, parameter, comparison.name(), target, t.applies(), thresholds.clause(rule), met);
    }

    /**
     * I-30 by the receiving institution and the day it accepted the referral: continued within RX-16's {@code renewalDays}
     * (the subject's jurisdiction, overrides honoured) — renewed by an extended prescription or stopped with a documented
     * reason — ÷ downward referrals with a medication list received.
     */
    private IndicatorValue continuity(Resolved subject, Period period) {
        var rows = inputs.continuity(subject);
        long continued = rows.stream().filter(ValueInputs.Continuity::continued).count();
        Instant newest = rows.isEmpty() ? null : rows.get(rows.size() - 1).received().acceptedAt();
        return ratio(Indicator.I_30, subject, period, BigDecimal.valueOf(continued), BigDecimal.valueOf(rows.size()), rows.size(),
                newest);
    }

    /**
     * I-11 on the period's last day, today at the latest: the residents registered by the institutions the subject held
     * that day who hold a contract in force ÷ those residents (no data for a period not begun).
     */
    private IndicatorValue coverage(Resolved subject, Period period) {
        LocalDate day = inputs.coverageDay(period);
        var c = day == null ? ContractMeasures.Coverage.NONE : contracts.coverage(ValueInputs.heldOn(subject, day), day);
        return ratio(Indicator.I_11, subject, period, BigDecimal.valueOf(c.contracted()), BigDecimal.valueOf(c.residents()),
                c.residents(), null, List.of(IndicatorValue.Part.of("elderly", c.elderlyContracted(), c.elderly()),
                        IndicatorValue.Part.of("children", c.childrenContracted(), c.children())));
    }

    /**
     * I-12: contracted residents referred up by the subject's primary institutions in the period and not referred back
     * within CQ-9's {@code returnDays} (the subject's jurisdiction, overrides honoured) ÷ those whose days have passed or
     * who were referred back; with the chronic share of the outpatient visits at its tertiary hospitals as a part.
     */
    private IndicatorValue siphoning(Resolved subject, Period period) {
        int days = inputs.returnDays(subject);
        var primary = inputs.primarySpans(subject);
        var tertiary = new ArrayList<DaySums.Window>();
        for (Span s : subject.spans()) {
            if (registry.institutionEntry(new InstitutionId(s.institution())).map(i -> i.level() == HospitalLevel.TERTIARY)
                    .orElse(false)) {
                tertiary.add(new DaySums.Window(s.institution(), s.from(), s.to()));
            }
        }
        var r = referralCounts.upwardReturns(primary, days);
        long[] chronic = daySums.chronicVisits(tertiary);
        return ratio(Indicator.I_12, subject, period, BigDecimal.valueOf(r.notReturned()), BigDecimal.valueOf(r.residents()),
                r.residents() + r.pending() + chronic[1], r.newest(),
                List.of(IndicatorValue.Part.of("chronicAtTertiary", chronic[0], chronic[1])));
    }

    List<EncounterRow> encounters(Indicator indicator, Resolved subject, int limit,
                                  Function<UUID, String> names) {
        List<Span> spans = spansFor(indicator, subject);
        if (spans.isEmpty() || !indicator.fromEncounters()) {
            return List.of(); // a pharmacy indicator has no encounter facts behind it
        }
        var where = new StringBuilder();
        var params = new ArrayList<Object>();
        DaySums.clause(windows(spans), "local_day", where, params);
        String kind = switch (indicator) {
            case I_1 -> "kind <> 'INPATIENT'";
            case I_4 -> "1 = 1";
            case I_5 -> "kind = 'INPATIENT' and operations > 0";
            case I_6 -> "kind = 'INPATIENT'";
            case I_7 -> "kind = 'INPATIENT' and drg_weight is not null";
            default -> throw new IllegalStateException(indicator.name());
        };
        String hospitals = hospitalsOnly(indicator, subject) ? """
                and exists (select 1 from indicators_day d where d.institution_id = e.institution_id
                and d.local_day = e.local_day and d.primary_care = false)""" : "";
        String numerator = switch (indicator) {
            case I_1 -> """
                    coalesce((select d.primary_care from indicators_day d
                    where d.institution_id = e.institution_id and d.local_day = e.local_day), false)""";
            case I_4 -> "kind <> 'INPATIENT'";
            case I_5 -> "level4_operations > 0";
            default -> "true";
        };
        params.add(Math.max(1, Math.min(limit, 1000)));
        var names2 = new HashMap<UUID, String>();
        return jdbc.sql("select e.*, (" + numerator + ") as in_numerator from indicators_encounter e where (" + where + ") and "
                + kind + hospitals
                + " order by occurred_at desc, source_record_id limit ?")
                .params(params)
                .query((rs, n) -> {
                    UUID inst = rs.getObject("institution_id", UUID.class);
                    Timestamp admitted = rs.getTimestamp("admitted_at");
                    return new EncounterRow(rs.getString("source_record_id"), inst.toString(),
                            names2.computeIfAbsent(inst, names), EncounterKind.valueOf(rs.getString("kind")),
                            rs.getTimestamp("occurred_at").toInstant(), admitted == null ? null : admitted.toInstant(),
                            rs.getInt("bed_days"), rs.getInt("operations"), rs.getInt("level4_operations"),
                            rs.getBigDecimal("drg_weight"), rs.getString("drg_group"), rs.getString("principal_diagnosis"),
                            rs.getObject("resident_id") == null ? null : "***", rs.getInt("revision"),
                            rs.getBoolean("in_numerator") ? DrillDown.Counted.NUMERATOR : DrillDown.Counted.DENOMINATOR);
                }).list();
    }
}
