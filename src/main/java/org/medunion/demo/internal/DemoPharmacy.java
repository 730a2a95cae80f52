package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.Dispense;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.NotDispensedReason;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.ReviewDecision;
import org.medunion.pharmacy.WritePrescription;
import org.medunion.pharmacy.backfill.PharmacyBackfill;
import org.springframework.stereotype.Component;

/**
 * The demo city's pharmacy data, through the pharmacy module's system commands ({@link PharmacyBackfill}): the gp's
 * community health centre and the lead hospital map their catalogues to the formulary with a few gaps (RX-14), and
 * the centre's general practitioner "gp" writes prescriptions for residents under contract with its team, in
 * several states — awaiting review (among them a long prescription over four weeks with the assessment and the
 * patient's confirmation, RX-6), returned, approved, dispensed. RX-11 routes the centre's prescriptions to the
 * lead of the centre's first consortium with another lead, which is not the lead hospital where the demo
 * "pharmacist" works (see {@link DemoAccounts}); the lead hospital reviews its own prescriptions, so its
 * "specialist" writes those in the pharmacist's queue (the long one among them) and the returned, approved and
 * dispensed ones of the centre are decided by a pharmacist of the centre's reviewing institution.
 */
@Component
class DemoPharmacy {

    private static final String GP = "gp";
    private static final String PHARMACIST = "pharmacist";
    private static final String SPECIALIST = "specialist";
    /** Catalogue upkeep and the centre's dispensing: done by staff without a demo account. */
    private static final String STAFF = "demo";

    private final PharmacyBackfill pharmacy;

    DemoPharmacy(PharmacyBackfill pharmacy) {
        this.pharmacy = pharmacy;
    }

    /**
     * Catalogue mappings and prescriptions for the plan's centre and lead hospital, and extended prescriptions (RX-16)
     * renewing all but the last of the downward referrals the centre received; returns how many prescriptions.
     */
    int seed(DemoReferrals.Plan plan, List<DemoReferrals.ReceivedDown> received) {
        UUID centre = plan.primaryInstitutionId();
        pharmacy.mapCatalogue(centre, List.of(
                new CatalogueItem("SQ-0001", "苯磺酸氨氯地平片 5mg", "F0001"),
                new CatalogueItem("SQ-0002", "盐酸二甲双胍片 0.5g", "F0034"),
                new CatalogueItem("SQ-0003", "阿托伐他汀钙片 20mg", "F0059"),
                new CatalogueItem("SQ-0090", "复方丹参滴丸（待对照）", null),
                new CatalogueItem("SQ-0091", "院内自制止咳合剂（待对照）", null)), STAFF);
        pharmacy.mapCatalogue(plan.hospitalId(), List.of(
                new CatalogueItem("ZX-1001", "氨氯地平片 5mg", "F0001"),
                new CatalogueItem("ZX-1002", "二甲双胍片 500mg", "F0034"),
                new CatalogueItem("ZX-1003", "阿托伐他汀钙片 20mg", "F0059"),
                new CatalogueItem("ZX-1099", "进口营养补充剂（待对照）", null)), STAFF);

        // contract residents of the centre's team; every 7th of them is in the hypertension group
        var residents = plan.residents();
        Instant now = plan.now();
        var out = new ArrayList<PrescriptionId>();
        // awaiting review, oldest first: the long one (8 weeks, RX-6 assessment and confirmation), a routine one, a short one
        out.add(write(hypertension(residents.get(0).residentId(), 56, true), centre, now.minusSeconds(5400)));
        out.add(write(hypertension(residents.get(7).residentId(), 28, false), centre, now.minusSeconds(3000)));
        out.add(write(diabetes(residents.get(3).residentId(), 7), centre, now.minusSeconds(1200)));
        // returned with a reason
        var returned = write(diabetes(residents.get(5).residentId(), 7), centre, now.minusSeconds(3 * 3600));
        pharmacy.returnToPrescriber(returned, new ReviewDecision(null, "演示：二甲双胍用法请核对（餐中或餐后服用）"), PHARMACIST,
                now.minusSeconds(3 * 3600 - 900));
        out.add(returned);
        // approved, waiting to be dispensed at the centre
        var approved = write(hypertension(residents.get(14).residentId(), 28, false), centre, now.minusSeconds(26 * 3600));
        pharmacy.approve(approved, new ReviewDecision("演示：用药合理", null), PHARMACIST, now.minusSeconds(25 * 3600));
        out.add(approved);
        // the lead hospital reviews its own prescriptions (RX-11), in the demo pharmacist's queue: its cardiologist's
        // long prescription (RX-6) and a routine one for residents whose contract names the lead as district hospital
        out.add(pharmacy.prescribe(hypertension(residents.get(28).residentId(), 56, true), plan.hospitalId(), SPECIALIST,
                now.minusSeconds(7200)));
        out.add(pharmacy.prescribe(hypertension(residents.get(35).residentId(), 28, false), plan.hospitalId(), SPECIALIST,
                now.minusSeconds(2400)));
        // dispensed
        var dispensed = write(hypertension(residents.get(21).residentId(), 14, false), centre, now.minusSeconds(3 * 86400));
        pharmacy.approve(dispensed, new ReviewDecision(null, null), PHARMACIST, now.minusSeconds(3 * 86400 - 1800));
        pharmacy.dispense(dispensed, STAFF, now.minusSeconds(2 * 86400));
        out.add(dispensed);
        out.addAll(history(plan, centre));
        out.addAll(hospitalHistory(plan));
        for (var r : received.subList(0, Math.max(0, received.size() - 1))) {
            Instant at = r.acceptedAt().plusSeconds(1800).isAfter(now) ? now.minusSeconds(60) : r.acceptedAt().plusSeconds(1800);
            var renewal = hypertension(r.residentId(), 28, false);
            out.add(write(new WritePrescription(renewal.residentId(), renewal.encounterType(), renewal.diagnosisCode(),
                    renewal.diagnosisText(), renewal.chronic(), renewal.urgent(), "下转后延续上级医院用药（延伸处方）", null, null, null,
                    false, List.of(), null, null, null, null, renewal.items(), r.referralId()), centre, at));
        }
        return out.size();
    }

    /**
     * Ten weeks of the centre's prescribing before today, so last month's pharmacy indicators (I-14, I-26…I-29, I-31)
     * have values: one prescription every third day, reviewed within the hour and dispensed the same day (RX-2); every
     * fourth one first returned — every other of those the prescriber overrides with a reason and it is approved, the
     * rest the prescriber withdraws — every fifth an 8-week long prescription with the assessment and the patient's
     * confirmation (RX-6), for hypertension or diabetes, and a few dispensed in part or not collected. Hypertension for
     * the hypertension group (every 7th resident), diabetes otherwise.
     */
    private List<PrescriptionId> history(DemoReferrals.Plan plan, UUID centre) {
        var residents = plan.residents();
        int groups = Math.max(1, residents.size() / 7);
        Instant now = plan.now();
        var out = new ArrayList<PrescriptionId>();
        for (int n = 0; n < 24; n++) {
            Instant at = now.minus(Duration.ofDays(72 - 3L * n)).minus(Duration.ofHours(2));
            int group = 7 * ((6 + n) % groups);
            var diabetic = residents.get(Math.min(residents.size() - 1, group + 3)).residentId();
            var command = n % 10 == 5 ? longDiabetes(diabetic)
                    : n % 5 == 0 ? hypertension(residents.get(group).residentId(), 56, true)
                            : n % 2 == 0 ? hypertension(residents.get(group).residentId(), 14, false) : diabetes(diabetic, 7);
            var id = write(command, centre, at);
            out.add(id);
            if (n % 4 == 1) {
                pharmacy.returnToPrescriber(id, new ReviewDecision(null, "演示：请核对用法用量"), PHARMACIST, at.plus(Duration.ofMinutes(20)));
                if (n % 8 != 1) {
                    pharmacy.cancel(id, new ReviewDecision(null, "演示：医师撤回，另开处方"), GP, at.plus(Duration.ofMinutes(40)));
                    continue;
                }
                pharmacy.override(id, new ReviewDecision(null, "演示：患者既往用药耐受良好"), GP, at.plus(Duration.ofMinutes(35)));
                pharmacy.approve(id, new ReviewDecision("演示：医师已说明理由", null), PHARMACIST, at.plus(Duration.ofMinutes(50)));
            } else {
                pharmacy.approve(id, new ReviewDecision(null, null), PHARMACIST, at.plus(Duration.ofMinutes(30)));
            }
            if (n % 11 == 3) { // the patient took part of the supply, or none of it: coded reasons (RX-15)
                pharmacy.dispense(id, n % 2 == 0 ? PrescriptionAction.DISPENSE_PARTIAL : PrescriptionAction.NOT_DISPENSE,
                        new Dispense(n % 2 == 0 ? NotDispensedReason.OUT_OF_STOCK : NotDispensedReason.PATIENT_DID_NOT_COLLECT,
                                "演示"),
                        STAFF, at.plus(Duration.ofHours(1)));
                continue;
            }
            pharmacy.dispense(id, STAFF, at.plus(Duration.ofHours(1)));
        }
        return out;
    }

    /**
     * Six weeks of the lead hospital's own prescriptions, decided by the demo "pharmacist" (the hospital reviews its own,
     * RX-11), so that account's review-quality card (I-27) has turnaround and a returned duplicate to show: the
     * cardiologist's hypertension prescriptions for the residents whose contract names the hospital, one in three with a
     * second calcium-channel blocker that the pharmacist returns and the cardiologist then withdraws.
     */
    private List<PrescriptionId> hospitalHistory(DemoReferrals.Plan plan) {
        var residents = plan.residents();
        Instant now = plan.now();
        var out = new ArrayList<PrescriptionId>();
        for (int k = 0; k < 6; k++) {
            Instant at = now.minus(Duration.ofDays(42 - 7L * k)).minus(Duration.ofHours(3));
            UUID who = residents.get(k % 2 == 0 ? 28 : 35).residentId();
            boolean duplicate = k % 3 == 1;
            var lines = new ArrayList<>(List.of(item("F0001", "5", "QD", 7)));
            if (duplicate) {
                lines.add(item("F0002", "30", "QD", 7));
            }
            var id = pharmacy.prescribe(command(who, "I10", "原发性高血压", false, null, null, null, lines), plan.hospitalId(),
                    SPECIALIST, at);
            out.add(id);
            if (duplicate) {
                pharmacy.returnToPrescriber(id, new ReviewDecision(null, "演示：两种钙通道阻滞剂重复用药"), PHARMACIST,
                        at.plus(Duration.ofMinutes(15 + 10L * k)));
                pharmacy.cancel(id, new ReviewDecision(null, "演示：已改开单药处方"), SPECIALIST, at.plus(Duration.ofHours(1)));
                continue;
            }
            pharmacy.approve(id, new ReviewDecision(null, null), PHARMACIST, at.plus(Duration.ofMinutes(8 + 6L * k)));
            pharmacy.dispense(id, STAFF, at.plus(Duration.ofHours(2)));
        }
        return out;
    }

    private PrescriptionId write(WritePrescription command, UUID centre, Instant at) {
        return pharmacy.prescribe(command, centre, GP, at);
    }

    /** A chronic hypertension prescription of amlodipine (and atorvastatin) for {@code days} days. */
    private static WritePrescription hypertension(UUID resident, int days, boolean longOne) {
        return command(resident, "I10", "原发性高血压", true, "高血压病情稳定，长期用药",
                longOne ? "血压控制平稳，依从性好，已做用药教育" : null, longOne ? Boolean.TRUE : null,
                List.of(item("F0001", "5", "QD", days), item("F0059", "20", "QN", days)));
    }

    /** An 8-week long prescription of metformin for a contracted diabetes patient, assessed and confirmed (RX-6). */
    private static WritePrescription longDiabetes(UUID resident) {
        return command(resident, "E11.9", "2型糖尿病", true, "糖尿病病情稳定，长期用药", "血糖控制平稳，已做用药教育", Boolean.TRUE,
                List.of(item("F0034", "500", "BID", 56)));
    }

    /** An ordinary outpatient prescription of metformin for {@code days} days. */
    private static WritePrescription diabetes(UUID resident, int days) {
        return command(resident, "E11.9", "2型糖尿病", false, null, null, null, List.of(item("F0034", "500", "BID", days)));
    }

    private static WritePrescription command(UUID resident, String dx, String dxText, boolean chronic, @Nullable String reason,
                                             @Nullable String assessment, @Nullable Boolean confirmed,
                                             List<WritePrescription.Item> items) {
        return new WritePrescription(resident, EncounterType.OUTPATIENT, dx, dxText, chronic, false, reason, assessment, confirmed,
                null, false, List.of(), null, null, null, null, items);
    }

    private static WritePrescription.Item item(String code, String dose, String frequency, int days) {
        return new WritePrescription.Item(code, new BigDecimal(dose), null, null, frequency, days, null);
    }
}
