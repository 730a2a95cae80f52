package org.medunion.pharmacy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InstitutionDays;

/**
 * Counts of prescriptions for the pharmacy indicators (indicators-assessment.md I-14, I-26…I-29, I-31), by the
 * prescribing institution and the local day (Asia/Shanghai) the prescription was submitted. Counts only: nothing
 * personal leaves the module, so the caller's right to see the subject is the indicators module's to check.
 */
public interface PrescriptionMeasures {

    /**
     * @param reviewed             a pharmacist decided at least once (approved or returned) — I-14's denominator
     * @param returned             returned to the prescriber at least once — I-14's numerator, I-27's denominator
     * @param overridden           the prescriber insisted after a return at least once — I-27's numerator
     * @param charged              dispensed in full or in part (charging happens at dispensing) — I-26's denominator
     * @param approvedBeforeCharge of those, approved before the first dispensing — I-26's numerator
     * @param overFourWeeks        long prescriptions with a line beyond RX-6's normalDays (28 nationally) of the prescribing
     *                             institution's jurisdiction, decided when written — I-28's denominator
     * @param documented           of those, with the assessment note and the patient's confirmation — I-28's numerator
     * @param eligible             prescriptions (not cancelled) for contracted residents with an RX-5 listed chronic disease —
     *                             the denominator of I-28's uptake, which is reported and never penalised (RX-17)
     * @param longOfEligible       of those, long prescriptions — the uptake's numerator
     * @param prescriptions        all prescriptions (not cancelled) — I-29's denominator at primary sites
     * @param priorityDrugs        of those, with a 基本药物, 集采 or 谈判 drug — I-29's numerator
     * @param reviewedElsewhere    of the reviewed, decided by another institution (RX-11's pre-review centre) — I-31
     * @param newest               the newest change among the counted prescriptions, null when none
     */
    record Counts(long reviewed, long returned, long overridden, long charged, long approvedBeforeCharge, long overFourWeeks,
                  long documented, long eligible, long longOfEligible, long prescriptions, long priorityDrugs, long reviewedElsewhere,
                  @Nullable Instant newest) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** The prescriptions of each span's institution submitted on its days. */
    Counts counts(List<InstitutionDays> windows);

    /** Which prescriptions a record list shows: the denominator of I-14 / I-31, I-27, I-26 or I-28. */
    enum CountedPrescriptions {
        REVIEWED, RETURNED, CHARGED, OVER_FOUR_WEEKS
    }

    /**
     * One prescription behind a pharmacy indicator, with the flags {@link #counts} sums; no resident data.
     *
     * @param approvedBeforeCharge approved before its first dispensing (I-26's numerator)
     * @param documented           beyond RX-6's normal days with the assessment note and the patient's confirmation
     * @param reviewedElsewhere    decided by another institution than the prescribing one (I-31)
     */
    record CountedPrescription(String number, UUID prescribingInstitution, UUID reviewingInstitution, Instant submittedAt,
                               PrescriptionStatus status, boolean reviewed, boolean returned, boolean overridden,
                               boolean charged, boolean approvedBeforeCharge, boolean overFourWeeks, boolean documented,
                               boolean reviewedElsewhere) {
    }

    /** The prescriptions {@link #counts} counts in {@code which}, newest first, at most {@code limit}. */
    List<CountedPrescription> prescriptionRecords(CountedPrescriptions which, List<InstitutionDays> windows, int limit);

    /**
     * I-27 for a reviewing institution: how fast its pharmacists decide (minutes from submission to the first decision;
     * null when nothing was decided) and, per pre-screen rule, how many prescriptions it flagged and how many of those
     * the pharmacists returned (the rule's precision as the reviewers judge it), over prescriptions submitted on days
     * {@code [from, to)}.
     */
    ReviewQuality reviewQuality(InstitutionDays reviewer);

    /** @param decided prescriptions decided on; the turnaround figures are over them */
    record ReviewQuality(long decided, @Nullable Long medianMinutes, @Nullable Long p90Minutes, List<RulePrecision> rules) {
    }

    /** One pre-screen rule: prescriptions it flagged, and of those the ones a pharmacist returned. */
    record RulePrecision(String ruleId, long flagged, long returned) {
    }

    /**
     * RX-16, I-30: of the given downward referrals (id → when received), the ones renewed by an extended prescription (not
     * cancelled) written within {@code days} days of their receipt.
     */
    Set<UUID> renewedWithin(Map<UUID, Instant> received, int days);

    /**
     * RX-14, I-29: the items of the institutions' catalogues, and of those the ones mapped to the consortium formulary — as
     * the catalogues stand now, since a catalogue keeps no history.
     */
    Alignment catalogueAlignment(Collection<UUID> institutions);

    /**
     * The items behind {@link #catalogueAlignment}, from the same rows: each catalogue item of the institutions with its
     * formulary code if mapped (the unmapped ones first, as they are what the members have to work on), at most
     * {@code limit}.
     */
    List<CatalogueEntry> catalogueEntries(Collection<UUID> institutions, int limit);

    record Alignment(long items, long mapped) {
    }

    /** A member catalogue item as I-29 counts it: mapped when it carries a consortium formulary code. */
    record CatalogueEntry(UUID institutionId, String localCode, String localName, @Nullable String formularyCode) {

        public boolean mapped() {
            return formularyCode != null;
        }
    }
}
