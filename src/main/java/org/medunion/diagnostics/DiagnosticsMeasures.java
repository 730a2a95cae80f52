package org.medunion.diagnostics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InstitutionDays;

/**
 * Counts of recognition decisions and centre orders for the indicators (indicators-assessment.md I-10, I-20, I-21,
 * I-23…I-25), by institution and local day (Asia/Shanghai). Counts only: nothing personal leaves the module, so the
 * caller's right to see the subject is the indicators module's to check.
 */
public interface DiagnosticsMeasures {

    /** The decisions made at order entry by each span's institution on its days (NAT-R-5). */
    Decisions decisions(List<InstitutionDays> windows);

    /**
     * @param recognised          orders satisfied by recognising an earlier result — I-10's numerator
     * @param reexamined          re-examinations, whatever the reason
     * @param reexaminedByReason  re-examinations by reason code (01–08, 98, 99) — I-24
     * @param avoidedCost         Σ list price of the tests recognised instead of repeated — I-25
     * @param recognising         the institutions that recognised at least one result — I-10's participation
     * @param recognisedItems     the catalogue items recognised at least once — I-23's part
     * @param newest              the newest decision counted, null when none
     */
    record Decisions(long recognised, long reexamined, Map<String, Long> reexaminedByReason, BigDecimal avoidedCost,
                     Set<UUID> recognising, Set<String> recognisedItems, @Nullable Instant newest) {

        public Decisions {
            reexaminedByReason = Map.copyOf(reexaminedByReason);
            recognising = Set.copyOf(recognising);
            recognisedItems = Set.copyOf(recognisedItems);
        }

        /** Re-examinations that count as 不互认: reasons 01–08; 98 and 99 are recorded but not counted (B5). */
        public long nonRecognised() {
            return ReexaminationReason.nonRecognitions(reexaminedByReason);
        }
    }

    /**
     * The orders sent to the centres run by each span's institution: {@code ordered} by the day they were placed (I-21), and
     * {@code reported} by the day the report came back with how many by the due time the centre's turnaround set (SC-2, I-20).
     */
    CentreWork centreWork(List<InstitutionDays> windows);

    /**
     * @param orderedBy        orders placed (not cancelled) by ordering institution
     * @param reported         orders reported
     * @param reportedOnTime   of those, reported by their due time
     * @param newest           the newest order event counted, null when none
     */
    record CentreWork(Map<UUID, Long> orderedBy, long reported, long reportedOnTime, @Nullable Instant newest) {

        public CentreWork {
            orderedBy = Map.copyOf(orderedBy);
        }
    }

    /**
     * I-23: the items on the recognised-item list in force on {@code day} for the division (the most specific list of its
     * province, city or district), and of those the ones for which at least one of the institutions holds a QC pass valid
     * on that day (NAT-R-2, SC-8) — the items the institutions' results can be recognised for.
     */
    ItemCoverage itemCoverage(String divisionCode, Set<UUID> institutions, LocalDate day);

    /**
     * The items behind {@link #itemCoverage}, from the same rows: each listed item with how many of the institutions hold
     * a QC pass valid on {@code day} for it (the qualified ones first), at most {@code limit}.
     */
    List<CoveredItem> coveredItems(String divisionCode, Set<UUID> institutions, LocalDate day, int limit);

    /**
     * A listed item as I-23 counts it: qualified when at least one institution holds a valid QC pass.
     *
     * @param holders    the institutions holding a pass valid on the day
     * @param validUntil the last day of the longest-running such pass; null when none
     */
    record CoveredItem(String itemCode, String itemName, long holders, @Nullable LocalDate validUntil) {

        public boolean qualified() {
            return holders > 0;
        }
    }

    /** @param listed items on the list in force; 0 when the jurisdiction has none */
    record ItemCoverage(long listed, long qualified, Set<String> listedItems) {

        public ItemCoverage {
            listedItems = Set.copyOf(listedItems);
        }
    }

    /**
     * One decision behind I-10, I-24 or I-25, as the reader of the value needs it to check the count: no resident data.
     *
     * @param reasonCode the re-examination reason (01–08 counted, 98 / 99 recorded but not counted); null when recognised
     */
    record CountedDecision(String itemName, UUID orderingInstitution, Instant decidedAt, DecisionOutcome outcome,
                           @Nullable String reasonCode, BigDecimal avoidedPrice) {
    }

    /** The decisions {@link #decisions} counts, newest first, at most {@code limit}. */
    List<CountedDecision> decisionRecords(List<InstitutionDays> windows, int limit);

    /** Which centre orders an indicator counts: I-21's placed ones (by order day) or I-20's reported ones (by report day). */
    enum CountedOrders {
        PLACED, REPORTED
    }

    /**
     * One centre order behind I-20 or I-21: no resident data.
     *
     * @param reportedAt null until reported
     */
    record CountedOrder(String itemName, UUID orderingInstitution, UUID centreInstitution, Instant orderedAt, Instant dueAt,
                        @Nullable Instant reportedAt, boolean urgent) {

        /** Reported by its due time (I-20's numerator). */
        public boolean onTime() {
            return reportedAt != null && !reportedAt.isAfter(dueAt);
        }
    }

    /** The centre orders {@link #centreWork} counts, newest first, at most {@code limit}. */
    List<CountedOrder> orderRecords(CountedOrders which, List<InstitutionDays> windows, int limit);
}
