package org.medunion.indicators.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.medunion.consultation.ConsultationMeasures;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.CountedConsultation;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.diagnostics.DiagnosticsMeasures;
import org.medunion.diagnostics.DiagnosticsMeasures.CountedDecision;
import org.medunion.diagnostics.DiagnosticsMeasures.CountedOrders;
import org.medunion.diagnostics.ReexaminationReason;
import org.medunion.indicators.CatalogueItemRecord;
import org.medunion.indicators.ConsultationRecord;
import org.medunion.indicators.ContractRecord;
import org.medunion.indicators.DecisionRecord;
import org.medunion.indicators.DrillDown;
import org.medunion.indicators.DrillDown.Counted;
import org.medunion.indicators.Indicator;
import org.medunion.indicators.Level;
import org.medunion.indicators.ListedItemRecord;
import org.medunion.indicators.OrderRecord;
import org.medunion.indicators.Period;
import org.medunion.indicators.PrescriptionRecord;
import org.medunion.indicators.ReferralRecord;
import org.medunion.indicators.SessionRecord;
import org.medunion.indicators.SlotRecord;
import org.medunion.indicators.internal.Subjects.Resolved;
import org.medunion.pharmacy.PrescriptionMeasures;
import org.medunion.pharmacy.PrescriptionMeasures.CountedPrescription;
import org.medunion.pharmacy.PrescriptionMeasures.CountedPrescriptions;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralMeasures;
import org.medunion.referral.ReferralMeasures.CountedReferral;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.ContractMeasures;
import org.medunion.scheduling.SlotMeasures;
import org.medunion.scheduling.SlotMeasures.CountedSlots;
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
    private final PrescriptionMeasures pharmacy;
    private final ConsultationMeasures consultations;
    private final RegistryManagement registry;
    private final SlotMeasures slots;
    private final ContractMeasures contracts;
    private final ValueInputs inputs;

    RecordLists(ReferralMeasures referrals, DiagnosticsMeasures diagnostics, PrescriptionMeasures pharmacy,
                ConsultationMeasures consultations, RegistryManagement registry, SlotMeasures slots, ContractMeasures contracts,
                ValueInputs inputs) {
        this.slots = slots;
        this.contracts = contracts;
        this.inputs = inputs;
        this.pharmacy = pharmacy;
        this.consultations = consultations;
        this.referrals = referrals;
        this.diagnostics = diagnostics;
        this.registry = registry;
    }

    DrillDown records(Indicator indicator, Resolved subject, Period period, int limit, Function<UUID, String> names) {
        var windows = subject.spans().stream().map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        return switch (indicator) {
            case I_8, I_9, I_22 -> slots(indicator, subject, limit, names);
            case I_11 -> contracts(subject, period, limit, names);
            case I_23 -> listedItems(subject, period, limit);
            case I_29 -> DrillDown.ofCatalogueItems(pharmacy.catalogueEntries(ValueInputs.catalogueHolders(subject), bounded(limit))
                    .stream().map(e -> new CatalogueItemRecord(e, names.apply(e.institutionId()),
                            e.mapped() ? Counted.NUMERATOR : Counted.DENOMINATOR))
                    .toList());
            case I_30 -> DrillDown.ofReferrals(newestFirst(inputs.continuity(subject)).stream().limit(Math.max(1, Math.min(limit, 1000)))
                    .map(c -> new ReferralRecord(c.received().referral(), names.apply(c.received().referral().fromInstitutionId()),
                            c.received().referral().toInstitutionId() == null ? null
                                    : names.apply(c.received().referral().toInstitutionId()),
                            c.continued() ? Counted.NUMERATOR : Counted.DENOMINATOR))
                    .toList());
            case I_12 ->
                DrillDown.ofReferrals(referrals.upwardReturnRecords(inputs.primarySpans(subject), inputs.returnDays(subject), limit)
                        .stream().map(u -> new ReferralRecord(u.referral(), names.apply(u.referral().fromInstitutionId()),
                                u.referral().toInstitutionId() == null ? null : names.apply(u.referral().toInstitutionId()),
                                switch (u.outcome()) {
                                    case NOT_RETURNED -> Counted.NUMERATOR;
                                    case RETURNED -> Counted.DENOMINATOR;
                                    case PENDING -> Counted.NOT_COUNTED;
                                }))
                        .toList());
            case I_14, I_26, I_27, I_28, I_31 -> prescriptions(indicator, subject, limit, names);
            case I_2, I_3, I_13 -> DrillDown.ofReferrals(referrals.records(indicator == Indicator.I_2
                    ? ReferralMeasures.Counted.COMPLETED : ReferralMeasures.Counted.RECEIVED, windows, limit).stream()
                    .map(r -> new ReferralRecord(r, names.apply(r.fromInstitutionId()),
                            r.toInstitutionId() == null ? null : names.apply(r.toInstitutionId()), counted(indicator, r)))
                    .toList());
            case I_10, I_24, I_25 -> DrillDown.ofDecisions(diagnostics.decisionRecords(windows, limit).stream()
                    .filter(d -> indicator == Indicator.I_10 || (indicator == Indicator.I_25) == recognised(d))
                    .map(d -> new DecisionRecord(d, names.apply(d.orderingInstitution()), counted(indicator, d)))
                    .toList());
            case I_20, I_21 -> DrillDown.ofOrders(diagnostics.orderRecords(indicator == Indicator.I_20
                    ? CountedOrders.REPORTED : CountedOrders.PLACED, windows, limit).stream()
                    .map(o -> new OrderRecord(o, names.apply(o.orderingInstitution()), names.apply(o.centreInstitution()),
                            (indicator == Indicator.I_20 ? o.onTime() : primary(o.orderingInstitution()))
                                    ? Counted.NUMERATOR : Counted.DENOMINATOR))
                    .toList());
            case I_15, I_17, I_18 -> DrillDown.ofConsultations(consultations.records(indicator == Indicator.I_15, windows, limit)
                    .stream().map(c -> new ConsultationRecord(c, names.apply(c.fromInstitutionId()),
                            names.apply(c.toInstitutionId()), counted(indicator, c)))
                    .toList());
            case I_19 -> DrillDown.ofSessions(consultations.sessionRecords(windows, limit).stream()
                    .map(x -> new SessionRecord(x, names.apply(x.hostInstitutionId()), names.apply(x.visitingInstitutionId())))
                    .toList());
            default -> DrillDown.NONE;
        };
    }

    /**
     * I-8 (a consortium's is its lead hospital's): outpatient slots, reserved ones in the numerator; I-9: reserved slots,
     * booked through primary care in the numerator; I-22: exam slots, reserved ones in the numerator.
     */
    private DrillDown slots(Indicator indicator, Resolved subject, int limit, Function<UUID, String> names) {
        var windows = subject.spans().stream().filter(s -> indicator != Indicator.I_8 || subject.level() != Level.CONSORTIUM || s.lead())
                .map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        CountedSlots which = switch (indicator) {
            case I_8 -> CountedSlots.OUTPATIENT;
            case I_9 -> CountedSlots.RESERVED;
            default -> CountedSlots.EXAM;
        };
        return DrillDown.ofSlots(slots.slotRecords(which, windows, limit).stream()
                .map(x -> new SlotRecord(x, names.apply(x.institutionId()),
                        (indicator == Indicator.I_9 ? x.bookedByPrimaryCare() : x.reserved()) ? Counted.NUMERATOR : Counted.DENOMINATOR))
                .toList());
    }

    /** I-11 on the value's day: every resident registered by the subject's institutions, under a contract in the numerator. */
    private DrillDown contracts(Resolved subject, Period period, int limit, Function<UUID, String> names) {
        LocalDate day = inputs.coverageDay(period);
        if (day == null) {
            return DrillDown.NONE;
        }
        return DrillDown.ofContracts(contracts.residentRecords(ValueInputs.heldOn(subject, day), day, limit).stream()
                .map(r -> new ContractRecord(r, names.apply(r.registeredBy()),
                        r.teamInstitution() == null ? null : names.apply(r.teamInstitution()),
                        r.contracted() ? Counted.NUMERATOR : Counted.DENOMINATOR))
                .toList());
    }

    /** I-23 on the value's day: every listed item, qualified (a member holds a valid QC pass) in the numerator. */
    private DrillDown listedItems(Resolved subject, Period period, int limit) {
        var asked = inputs.itemCoverage(subject, period);
        return DrillDown.ofListedItems(diagnostics.coveredItems(subject.divisionCode(), asked.institutions(), asked.day(),
                bounded(limit)).stream()
                .map(i -> new ListedItemRecord(i, i.qualified() ? Counted.NUMERATOR : Counted.DENOMINATOR))
                .toList());
    }

    private static int bounded(int limit) {
        return Math.max(1, Math.min(limit, 1000));
    }

    private static <T> List<T> newestFirst(List<T> oldestFirst) {
        var out = new ArrayList<>(oldestFirst);
        Collections.reverse(out);
        return out;
    }

    /** I-31 counts the primary sites' prescriptions only, as its value does. */
    private DrillDown prescriptions(Indicator indicator, Resolved subject, int limit, Function<UUID, String> names) {
        var windows = subject.spans().stream().filter(s -> !indicator.primarySitesOnly() || primary(s.institution()))
                .map(s -> new InstitutionDays(s.institution(), s.from(), s.to())).toList();
        CountedPrescriptions which = switch (indicator) {
            case I_26 -> CountedPrescriptions.CHARGED;
            case I_27 -> CountedPrescriptions.RETURNED;
            case I_28 -> CountedPrescriptions.OVER_FOUR_WEEKS;
            default -> CountedPrescriptions.REVIEWED;
        };
        return DrillDown.ofPrescriptions(pharmacy.prescriptionRecords(which, windows, limit).stream()
                .map(p -> new PrescriptionRecord(p, names.apply(p.prescribingInstitution()), names.apply(p.reviewingInstitution()),
                        counted(indicator, p) ? Counted.NUMERATOR : Counted.DENOMINATOR))
                .toList());
    }

    /** I-14 returned, I-26 approved before the charge, I-27 overridden, I-28 documented, I-31 reviewed elsewhere. */
    private static boolean counted(Indicator indicator, CountedPrescription p) {
        return switch (indicator) {
            case I_14 -> p.returned();
            case I_26 -> p.approvedBeforeCharge();
            case I_27 -> p.overridden();
            case I_28 -> p.documented();
            default -> p.reviewedElsewhere();
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

    /**
     * I-15: every closed one counts; I-17: the accepted ones give the hours (the rest are not counted); I-18: closed ÷
     * accepted, an unaccepted request not counted.
     */
    private static Counted counted(Indicator indicator, CountedConsultation c) {
        return switch (indicator) {
            case I_15 -> Counted.NUMERATOR;
            case I_17 -> c.acceptedAt() != null ? Counted.NUMERATOR : Counted.NOT_COUNTED;
            default -> c.acceptedAt() == null ? Counted.NOT_COUNTED
                    : c.status() == ConsultationStatus.CLOSED ? Counted.NUMERATOR : Counted.DENOMINATOR;
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
