package org.medunion.indicators.internal;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DiagnosticsMeasures;
import org.medunion.diagnostics.DiagnosticsMeasures.CountedDecision;
import org.medunion.diagnostics.DiagnosticsMeasures.CountedOrders;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.indicators.DecisionRecord;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.DrillDown.Counted;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.OrderRecord;
import org.medunion.indicators.ReferralRecord;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralMeasures;
import org.medunion.referral.ReferralMeasures.CountedReferral;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.InstitutionDays;
import org.springframework.stereotype.Component;

/**
 * The records behind a value counted in another module, asked of that module over the same spans and by the same rule
 * as the value itself ({@link IndicatorQueries}, {@link ServiceCounts}), each marked with how it enters the value.
 */
@Component
class RecordLists {

    private final ReferralMeasures referrals;
    private final DiagnosticsMeasures diagnostics;
    private final RegistryManagement registry;

    RecordLists(ReferralMeasures referrals, DiagnosticsMeasures diagnostics, RegistryManagement registry) {
        this.referrals = referrals;
        this.diagnostics = diagnostics;
        this.registry = registry;
    }

    DrillDown records(Indicator indicator, Resolved subject, int limit, Function<UUID, String> names) {
        var windows = subject.spans().stream().map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        return switch (indicator) {
            case I_2, I_3, I_13 -> new DrillDown(referrals.records(indicator == Indicator.I_2
                    ? ReferralMeasures.Counted.COMPLETED : ReferralMeasures.Counted.RECEIVED, windows, limit).stream()
                    .map(r -> new ReferralRecord(r, names.apply(r.fromInstitutionId()),
                            r.toInstitutionId() == null ? null : names.apply(r.toInstitutionId()), counted(indicator, r)))
                    .toList(), List.of(), List.of());
            case I_10, I_24, I_25 -> new DrillDown(List.of(), diagnostics.decisionRecords(windows, limit).stream()
                    .filter(d -> indicator == Indicator.I_10 || (indicator == Indicator.I_25) == recognised(d))
                    .map(d -> new DecisionRecord(d, names.apply(d.orderingInstitution()), counted(indicator, d)))
                    .toList(), List.of());
            case I_20, I_21 -> new DrillDown(List.of(), List.of(), diagnostics.orderRecords(indicator == Indicator.I_20
                    ? CountedOrders.REPORTED : CountedOrders.PLACED, windows, limit).stream()
                    .map(o -> new OrderRecord(o, names.apply(o.orderingInstitution()), names.apply(o.centreInstitution()),
                            (indicator == Indicator.I_20 ? o.onTime() : primary(o.orderingInstitution()))
                                    ? Counted.NUMERATOR : Counted.DENOMINATOR))
                    .toList());
            default -> DrillDown.NONE;
        };
    }

    /** I-2: down ÷ up; I-3: with a summary ÷ received; I-13: the hours of the accepted ones. */
    private static Counted counted(Indicator indicator, CountedReferral r) {
        return switch (indicator) {
            case I_2 -> r.direction() == ReferralDirection.DOWN ? Counted.NUMERATOR : Counted.DENOMINATOR;
            case I_3 -> r.summaryReturned() ? Counted.NUMERATOR : Counted.DENOMINATOR;
            default -> r.acceptedAt() != null ? Counted.NUMERATOR : Counted.NOT_COUNTED; // rejections: I-13's own part
        };
    }

    /** I-10: recognised ÷ (recognised + re-examined for 01–08); I-24: 01–08 ÷ re-examined; I-25: the recognised ones. */
    private static Counted counted(Indicator indicator, CountedDecision d) {
        String reason = d.reasonCode() == null ? "" : d.reasonCode();
        boolean counts = ReexaminationReason.ofCode(reason).map(ReexaminationReason::countsAsNonRecognition).orElse(true);
        return switch (indicator) {
            case I_10 -> recognised(d) ? Counted.NUMERATOR : counts ? Counted.DENOMINATOR : Counted.NOT_COUNTED;
            case I_24 -> counts ? Counted.NUMERATOR : Counted.DENOMINATOR;
            default -> Counted.NUMERATOR;
        };
    }

    private static boolean recognised(CountedDecision d) {
        return d.outcome() == DecisionOutcome.RECOGNISED;
    }

    private boolean primary(UUID institution) {
        return registry.institutionEntry(new InstitutionId(institution)).map(InstitutionView::isPrimary).orElse(false);
    }
}
