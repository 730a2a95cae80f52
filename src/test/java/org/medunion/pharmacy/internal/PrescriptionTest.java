package org.medunion.pharmacy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medunion.pharmacy.EncounterType;
import org.medunion.pharmacy.NotDispensedReason;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionStatusChanged;
import org.medunion.pharmacy.PrescriptionWorkflow;
import org.medunion.shared.ConflictException;

/**
 * The review and dispensing table on the aggregate, without a database or HTTP (milliseconds): every legal pair of
 * {@link PrescriptionWorkflow} moves the status, records who, when and why, and registers its event; every illegal
 * pair is a 409 {@code PHARMACY-0001} naming status and action and leaves the prescription as it was. The pairs are
 * generated from the table, so a row added there is tested here. PharmacyContract keeps the HTTP tests per action.
 */
class PrescriptionTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final UUID PRESCRIBING = UUID.randomUUID();
    private static final UUID DISPENSING = UUID.randomUUID();

    static Prescription in(PrescriptionStatus status) {
        var p = new Prescription();
        p.id = UUID.randomUUID();
        p.number = "RX20260302ABCDEF";
        p.residentId = UUID.randomUUID();
        p.residentName = "张三";
        p.prescribingInstitutionId = PRESCRIBING;
        p.reviewingInstitutionId = PRESCRIBING;
        p.dispensingInstitutionId = DISPENSING;
        p.prescriber = "gp";
        p.encounterType = EncounterType.OUTPATIENT;
        p.submittedAt = NOW.minusSeconds(7200);
        p.updatedAt = NOW.minusSeconds(3600);
        p.restore(new Prescription.Progress(status, 2, 1, "override kept", null, "return reason", "pharmacist",
                NOW.minusSeconds(3600), null, null, null, null), 4);
        return p;
    }

    /** Every action, as the use-case services call it; returns the reason it gives (recorded with the move). */
    static @Nullable String act(Prescription p, PrescriptionAction action) {
        switch (action) {
            case APPROVE -> p.approve(null, "pharmacist", NOW);
            case APPROVE_WITH_NOTE -> p.approve("注意监测血压", "pharmacist", NOW);
            case RETURN -> p.returnToPrescriber("剂量超量", "pharmacist", NOW);
            case RESUBMIT -> p.resubmit("gp", NOW);
            case OVERRIDE -> p.override("临床需要", "gp", NOW);
            case CANCEL -> p.cancel("患者拒绝", "gp", NOW);
            case DISPENSE -> p.dispense(action, null, null, "dispenser", NOW);
            case DISPENSE_PARTIAL -> p.dispense(action, NotDispensedReason.OUT_OF_STOCK, "缺货", "dispenser", NOW);
            case NOT_DISPENSE -> p.dispense(action, NotDispensedReason.PATIENT_DECLINED, null, "dispenser", NOW);
            default -> throw new IllegalArgumentException(action.name());
        }
        return switch (action) {
            case APPROVE, RESUBMIT, DISPENSE -> null;
            case APPROVE_WITH_NOTE -> "注意监测血压";
            case RETURN -> "剂量超量";
            case OVERRIDE -> "临床需要";
            case CANCEL -> "患者拒绝";
            case DISPENSE_PARTIAL -> "OUT_OF_STOCK";
            case NOT_DISPENSE -> "PATIENT_DECLINED";
        };
    }

    static Stream<Arguments> legal() {
        var out = new ArrayList<Arguments>();
        PrescriptionWorkflow.table().forEach((from, row) -> row.forEach((action, to) -> out.add(Arguments.of(from, action, to))));
        return out.stream();
    }

    static Stream<Arguments> illegal() {
        var out = new ArrayList<Arguments>();
        for (PrescriptionStatus from : PrescriptionStatus.values()) {
            for (PrescriptionAction action : PrescriptionAction.values()) {
                if (PrescriptionWorkflow.next(from, action).isEmpty()) {
                    out.add(Arguments.of(from, action));
                }
            }
        }
        return out.stream();
    }

    @Test
    void theTableCoversEveryPairOnce() {
        assertThat(legal().count() + illegal().count())
                .isEqualTo((long) PrescriptionStatus.values().length * PrescriptionAction.values().length);
        assertThat(legal().count()).isEqualTo(13);
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @MethodSource("legal")
    void aLegalMoveChangesStatusRecordsItAndRegistersTheEvent(PrescriptionStatus from, PrescriptionAction action,
                                                              PrescriptionStatus to) {
        Prescription p = in(from);
        String reason = act(p, action);

        assertThat(p.status()).isEqualTo(to);
        assertThat(p.updatedAt).isEqualTo(NOW);
        assertThat(p.version()).isEqualTo(4);
        List<Prescription.Transition> moves = p.pendingTransitions();
        assertThat(moves).hasSize(1);
        Prescription.Transition t = moves.get(0);
        assertThat(t.from()).isEqualTo(from);
        assertThat(t.action()).isEqualTo(action);
        assertThat(t.to()).isEqualTo(to);
        assertThat(t.at()).isEqualTo(NOW);
        assertThat(t.reason()).isEqualTo(reason);
        assertThat(t.actor()).isNotBlank();
        assertThat(p.pendingEvents()).singleElement().satisfies(e -> {
            assertThat(e.prescriptionId().value()).isEqualTo(p.id);
            assertThat(e.number()).isEqualTo(p.number);
            assertThat(e.from()).isEqualTo(from);
            assertThat(e.action()).isEqualTo(action);
            assertThat(e.to()).isEqualTo(to);
            assertThat(e.at()).isEqualTo(NOW);
            assertThat(e.prescribingInstitutionId()).isEqualTo(PRESCRIBING);
            assertThat(e.dispensingInstitutionId()).isEqualTo(DISPENSING);
        });

        p.saved(5);
        assertThat(p.pendingTransitions()).isEmpty();
        assertThat(p.pendingEvents()).isEmpty();
        assertThat(p.version()).isEqualTo(5);
    }

    @ParameterizedTest(name = "{0} --{1}--> refused")
    @MethodSource("illegal")
    void anIllegalMoveIsRefusedAndChangesNothing(PrescriptionStatus from, PrescriptionAction action) {
        Prescription p = in(from);
        Prescription.Progress before = p.progress();

        assertThatThrownBy(() -> act(p, action)).isInstanceOfSatisfying(ConflictException.class, e -> {
            assertThat(e.code()).isEqualTo("PHARMACY-0001");
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.arguments()).containsExactly(from, action);
        });
        assertThat(p.progress()).isEqualTo(before);
        assertThat(p.updatedAt).isEqualTo(NOW.minusSeconds(3600));
        assertThat(p.pendingTransitions()).isEmpty();
        assertThat(p.pendingEvents()).isEmpty();
    }

    @Test
    void reviewRecordsTheReviewerAndTheNoteOrTheReturnReason() {
        Prescription approved = in(PrescriptionStatus.IN_REVIEW);
        approved.approve("注意监测血压", "pharmacist2", NOW);
        assertThat(approved.progress().reviewedBy()).isEqualTo("pharmacist2");
        assertThat(approved.progress().reviewedAt()).isEqualTo(NOW);
        assertThat(approved.progress().reviewNote()).isEqualTo("注意监测血压");
        assertThat(approved.progress().returnReason()).isNull();

        Prescription returned = in(PrescriptionStatus.IN_REVIEW);
        returned.returnToPrescriber("剂量超量", "pharmacist2", NOW);
        assertThat(returned.progress().returnReason()).isEqualTo("剂量超量");
        assertThat(returned.progress().reviewNote()).isNull();
    }

    @Test
    void overrideAndResubmitStartANewRoundAndOnlyTheOverrideIsCounted() {
        Prescription overridden = in(PrescriptionStatus.RETURNED);
        overridden.override("临床需要", "gp", NOW);
        assertThat(overridden.progress().reviewRound()).isEqualTo(3);
        assertThat(overridden.progress().overrideCount()).isEqualTo(2);
        assertThat(overridden.progress().overrideReason()).isEqualTo("临床需要");
        assertThat(overridden.progress().returnReason()).isEqualTo("return reason");

        Prescription resubmitted = in(PrescriptionStatus.RETURNED);
        resubmitted.resubmit("gp", NOW);
        assertThat(resubmitted.progress().reviewRound()).isEqualTo(3);
        assertThat(resubmitted.progress().overrideCount()).isEqualTo(1);
        assertThat(resubmitted.progress().returnReason()).isNull();
    }

    @Test
    void dispensingRecordsTheDispenserTheCodedReasonAndTheNote() {
        Prescription p = in(PrescriptionStatus.APPROVED);
        p.dispense(PrescriptionAction.DISPENSE_PARTIAL, NotDispensedReason.OUT_OF_STOCK, "缺货", "dispenser", NOW);
        assertThat(p.progress().dispensedBy()).isEqualTo("dispenser");
        assertThat(p.progress().dispensedAt()).isEqualTo(NOW);
        assertThat(p.progress().dispenseReason()).isEqualTo("OUT_OF_STOCK");
        assertThat(p.progress().dispenseNote()).isEqualTo("缺货");
    }

    @Test
    void theFirstSubmissionIsRecordedFromNoStatus() {
        Prescription p = in(PrescriptionStatus.IN_REVIEW);
        p.submitted("gp", NOW);
        assertThat(p.pendingTransitions()).singleElement().satisfies(t -> {
            assertThat(t.from()).isNull();
            assertThat(t.action()).isEqualTo(PrescriptionAction.RESUBMIT);
            assertThat(t.to()).isEqualTo(PrescriptionStatus.IN_REVIEW);
        });
        assertThat(p.pendingEvents()).extracting(PrescriptionStatusChanged::from).containsExactly((PrescriptionStatus) null);
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void theSiteCanBeChosenOnlyUntilDispensingStarts(PrescriptionStatus status) {
        Prescription p = in(status);
        UUID site = UUID.randomUUID();
        boolean open = status == PrescriptionStatus.IN_REVIEW || status == PrescriptionStatus.RETURNED
                || status == PrescriptionStatus.APPROVED;
        if (open) {
            p.chooseSite(site, true, NOW);
            assertThat(p.dispensingInstitutionId).isEqualTo(site);
            assertThat(p.centralDistribution).isTrue();
            assertThat(p.siteConfirmed).isTrue();
        } else {
            assertThatThrownBy(() -> p.chooseSite(site, true, NOW)).isInstanceOfSatisfying(ConflictException.class,
                    e -> assertThat(e.code()).isEqualTo("PHARMACY-0001"));
            assertThat(p.dispensingInstitutionId).isEqualTo(DISPENSING);
        }
        assertThat(p.pendingTransitions()).isEmpty();
        assertThat(p.status()).isEqualTo(status);
    }

    static Stream<PrescriptionStatus> statuses() {
        return Stream.of(PrescriptionStatus.values());
    }
}
