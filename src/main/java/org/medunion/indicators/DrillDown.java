package org.medunion.indicators;

import java.util.List;

/**
 * The records behind an indicator value that another module counts (referrals, recognition decisions, centre orders,
 * prescriptions, consultations, joint-clinic and remote-round sessions, published slots, family-doctor contracts, listed
 * recognition items, member catalogue items), chosen by the same rule and over the same spans as the value; at most one
 * list is filled. No resident data.
 */
public record DrillDown(List<ReferralRecord> referrals, List<DecisionRecord> decisions, List<OrderRecord> orders,
                        List<PrescriptionRecord> prescriptions, List<ConsultationRecord> consultations,
                        List<SessionRecord> sessions, List<SlotRecord> slots, List<ContractRecord> contracts,
                        List<ListedItemRecord> listedItems, List<CatalogueItemRecord> catalogueItems) {

    public static final DrillDown NONE = new DrillDown(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of());

    public DrillDown {
        referrals = List.copyOf(referrals);
        decisions = List.copyOf(decisions);
        orders = List.copyOf(orders);
        prescriptions = List.copyOf(prescriptions);
        consultations = List.copyOf(consultations);
        sessions = List.copyOf(sessions);
        slots = List.copyOf(slots);
        contracts = List.copyOf(contracts);
        listedItems = List.copyOf(listedItems);
        catalogueItems = List.copyOf(catalogueItems);
    }

    public static DrillDown ofReferrals(List<ReferralRecord> records) {
        return new DrillDown(records, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static DrillDown ofDecisions(List<DecisionRecord> records) {
        return new DrillDown(List.of(), records, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static DrillDown ofOrders(List<OrderRecord> records) {
        return new DrillDown(List.of(), List.of(), records, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static DrillDown ofPrescriptions(List<PrescriptionRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), records, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static DrillDown ofConsultations(List<ConsultationRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), List.of(), records, List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public static DrillDown ofSessions(List<SessionRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), List.of(), List.of(), records, List.of(), List.of(), List.of(), List.of());
    }

    public static DrillDown ofSlots(List<SlotRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), records, List.of(), List.of(), List.of());
    }

    public static DrillDown ofContracts(List<ContractRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), records, List.of(), List.of());
    }

    public static DrillDown ofListedItems(List<ListedItemRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), records,
                List.of());
    }

    public static DrillDown ofCatalogueItems(List<CatalogueItemRecord> records) {
        return new DrillDown(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                records);
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public int size() {
        return referrals.size() + decisions.size() + orders.size() + prescriptions.size() + consultations.size()
                + sessions.size() + slots.size() + contracts.size() + listedItems.size() + catalogueItems.size();
    }

    /** How a record enters the value, so the reader can recount it. */
    public enum Counted {
        /** in the numerator (and, for a share, in the denominator too) */
        NUMERATOR,
        /** in the denominator only */
        DENOMINATOR,
        /** recorded but not counted (e.g. re-examination reasons 98 and 99, a referral not yet answered for I-13) */
        NOT_COUNTED
    }
}
