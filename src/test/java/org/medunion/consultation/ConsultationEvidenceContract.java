package org.medunion.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.referral.ReferralManagement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * TM-13 from data: what the consultation module tells policy through {@link ConsultationEvidenceSource} — per agreement,
 * the consultations closed while its fee for their type was above zero, and the numbers of those without a price item.
 */
abstract class ConsultationEvidenceContract extends ConsultationWorldTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    ConsultationEvidenceSource evidence;

    @Autowired
    ReferralManagement referrals;

    private ConsultationEvidenceSource.@Nullable Fees fees(ConsultationFixture w, LocalDate day) {
        return evidence.evidence(day).feesByAgreement().get(w.agreement);
    }

    @Test
    void TM13_closedUnderAFeeWithItsPriceItemCounts_closedBeforeTheFeeDoesNot() {
        var w = freshWorld();
        w.into(ConsultationStatus.CLOSED); // no fee yet: not TM-13's subject
        assertThat(fees(w, LocalDate.now(SHANGHAI))).isNull();
        w.as(w.office).put("/api/consultation-fees", ConsultationFilingContract.fee(w, "REMOTE", "150", "PATIENT")).expect(200);
        w.into(ConsultationStatus.CLOSED);
        w.into(ConsultationStatus.OPINION_SIGNED); // not closed: not counted
        var today = Objects.requireNonNull(fees(w, LocalDate.now(SHANGHAI)), "TM-13 evidence of the agreement");
        assertThat(today.due()).isEqualTo(1);
        assertThat(today.uncharged()).isEmpty();
        // as of yesterday nothing had closed
        assertThat(fees(w, LocalDate.now(SHANGHAI).minusDays(1))).isNull();
    }

    @Test
    void TM13_consultationClosedUnderAFeeWithoutItsPriceItemIsNamed() {
        var w = freshWorld();
        String id = w.into(ConsultationStatus.CLOSED);
        String number = ConsultationFilingContract.get(w, w.gp, id).get("number").asString();
        w.as(w.office).put("/api/consultation-fees", ConsultationFilingContract.fee(w, "REMOTE", "150", "PATIENT")).expect(200);
        // the fee as if it had stood long before that consultation closed (e.g. a consultation filed before TM-13 was recorded)
        jdbc.sql("update consultation_fee set updated_at = ? where agreement_id = ?")
                .params(Timestamp.from(Instant.parse("2020-01-01T00:00:00Z")), w.agreement).update();
        var today = Objects.requireNonNull(fees(w, LocalDate.now(SHANGHAI)), "TM-13 evidence of the agreement");
        assertThat(today.due()).isEqualTo(1);
        assertThat(today.uncharged()).containsExactly(number);
    }

    @Test
    void TM15_TM6_theInvitingInstitutionsRequestsDeparturesAndLiveSessions() {
        var w = freshWorld();
        UUID zone = referrals.defineZone("31" + ThreadLocalRandom.current().nextInt(1000, 9999), "WEST", w.otherHospital);
        referrals.assignToZone(w.primary, zone);
        String departed = w.into(ConsultationStatus.IN_SESSION); // invites the lead hospital, past the zone's hospital
        String number = ConsultationFilingContract.get(w, w.gp, departed).get("number").asString();
        LocalDate today = LocalDate.now(SHANGHAI);
        var requests = Objects.requireNonNull(evidence.evidence(today).requestsByInviter().get(w.primary), "TM-15 evidence");
        assertThat(requests.requested()).isEqualTo(1);
        assertThat(requests.pastZoneHospital()).containsExactly(number);
        assertThat(evidence.evidence(today).liveSessionsByInviter().get(w.primary)).isNull();

        // a live session held with the expert only: no physician of the inviting side present (TM-6)
        w.as(w.specialist).post("/api/consultations/" + departed + "/sessions", "{\"participantIds\":[\"" + w.expert + "\"]}")
                .expect(200);
        var sessions = Objects.requireNonNull(evidence.evidence(today).liveSessionsByInviter().get(w.primary), "TM-6 evidence");
        assertThat(sessions).singleElement().satisfies(x -> {
            assertThat(x.consultationNumber()).isEqualTo(number);
            assertThat(x.invitingPhysicians()).isZero();
        });
        // as of yesterday nothing was asked or held
        assertThat(evidence.evidence(today.minusDays(1)).requestsByInviter().get(w.primary)).isNull();
    }
}
