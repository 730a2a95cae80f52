package org.medunion.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationClosed;
import org.medunion.consultation.ConsultationEscalated;
import org.medunion.consultation.ConsultationRequested;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.ConsultationWorkflow;
import org.medunion.shared.ConflictException;

/** The whole transition table on the aggregate: every (status, action) pair is either the table's move or a 409. */
class ConsultationTest {

    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    static Consultation fresh() {
        return Consultation.request("TC-2026-000001", ConsultationType.REMOTE, ConsultationUrgency.ROUTINE,
                new Parties(UUID.randomUUID(), null, "gp", UUID.randomUUID(), "心内科", UUID.randomUUID()), null,
                UUID.randomUUID(), "赵会诊", new ConsultationView.Request("r", "p", NOW, "s", "心内科", "主任医师"),
                new ConsultationView.Consent(ConsentSigner.PATIENT, null, null, LocalDate.of(2026, 12, 1)), true,
                NOW.plusSeconds(3600), NOW.plusSeconds(7200), NOW);
    }

    /** Brings a fresh consultation into {@code status} by legal steps. */
    static Consultation in(ConsultationStatus status) {
        var c = fresh();
        switch (status) {
            case REQUESTED -> {
            }
            case INFO_REQUESTED -> c.askInformation("q", "sp", NOW);
            case DECLINED -> c.decline("no", "sp", NOW);
            case CANCELLED -> c.cancel(null, "gp", NOW);
            case EXPIRED -> c.expire(NOW);
            default -> {
                c.accept(NOW, UUID.randomUUID(), null, "sp", NOW);
                if (status == ConsultationStatus.ACCEPTED) {
                    break;
                }
                c.start("sp", NOW);
                if (status == ConsultationStatus.IN_SESSION) {
                    break;
                }
                c.draftOpinion("o", "sp", NOW);
                if (status == ConsultationStatus.OPINION_DRAFTED) {
                    break;
                }
                c.signOpinion("sp", NOW);
                if (status == ConsultationStatus.OPINION_SIGNED) {
                    break;
                }
                c.acknowledge("gp", NOW);
                if (status == ConsultationStatus.CLOSED) {
                    c.close("gp", NOW);
                }
            }
        }
        assertThat(c.status()).isEqualTo(status);
        return c;
    }

    static Consumer<Consultation> step(ConsultationAction a) {
        return switch (a) {
            case REQUEST -> c -> c.check(ConsultationAction.REQUEST);
            case ACCEPT -> c -> c.accept(null, UUID.randomUUID(), null, "sp", NOW);
            case DECLINE -> c -> c.decline("no", "sp", NOW);
            case ASK_INFO -> c -> c.askInformation("q", "sp", NOW);
            case ANSWER -> c -> c.answer("a", NOW.plusSeconds(60), NOW.plusSeconds(120), "gp", NOW);
            case START -> c -> c.start("sp", NOW);
            case DRAFT_OPINION -> c -> c.draftOpinion("o", "sp", NOW);
            case SIGN_OPINION -> c -> c.signOpinion("sp", NOW);
            case ACKNOWLEDGE -> c -> c.acknowledge("gp", NOW);
            case CLOSE -> c -> c.close("gp", NOW);
            case CANCEL -> c -> c.cancel(null, "gp", NOW);
            case ESCALATE -> c -> c.escalate(NOW);
            case EXPIRE -> c -> c.expire(NOW);
        };
    }

    @Test
    void everyPairOfStatusAndActionFollowsTheTable() {
        int legal = 0;
        for (var s : ConsultationStatus.values()) {
            for (var a : ConsultationAction.values()) {
                var c = in(s);
                var next = ConsultationWorkflow.next(s, a);
                if (next.isPresent()) {
                    step(a).accept(c);
                    assertThat(c.status()).as(s + " " + a).isEqualTo(next.get());
                    var last = c.pendingSteps().get(c.pendingSteps().size() - 1);
                    assertThat(last.action()).isEqualTo(a);
                    assertThat(last.fromStatus()).isEqualTo(s);
                    legal++;
                } else {
                    assertThatThrownBy(() -> step(a).accept(c)).as(s + " " + a).isInstanceOf(ConflictException.class);
                    assertThat(c.status()).isEqualTo(s);
                }
            }
        }
        assertThat(legal).isEqualTo(16);
    }

    @Test
    void terminalStatusesAcceptNothing() {
        for (var s : ConsultationStatus.values()) {
            if (s.isTerminal()) {
                assertThat(ConsultationWorkflow.table().get(s)).as(s.name()).isEmpty();
            }
        }
    }

    @Test
    void stepsRegisterTheirEvents() {
        var c = in(ConsultationStatus.CLOSED);
        assertThat(c.pendingEvents()).first().isInstanceOf(ConsultationRequested.class);
        assertThat(c.pendingEvents()).last().isInstanceOf(ConsultationClosed.class);
        var e = fresh();
        e.escalate(NOW);
        assertThat(e.pendingEvents()).last().isInstanceOf(ConsultationEscalated.class);
        assertThat(e.deadline().escalated()).isTrue();
        assertThat(e.status()).isEqualTo(ConsultationStatus.REQUESTED);
    }
}
