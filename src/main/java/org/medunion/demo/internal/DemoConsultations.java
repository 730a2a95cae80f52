package org.medunion.demo.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsentSigner;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.FeePayer;
import org.medunion.consultation.RequestConsultation;
import org.medunion.consultation.SetConsultationFee;
import org.medunion.consultation.backfill.ConsultationBackfill;
import org.medunion.registry.AgreementType;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/**
 * The demo city's consultations (issue 14), through the consultation module's system commands
 * ({@link ConsultationBackfill}): the "gp" of the community health centre asks the lead hospital, whose
 * "specialist" answers, for opinions on residents under contract with the centre's team — requested (one of them
 * urgent and past its deadline, so the office's overdue queue has a row), more information asked, accepted, opinion
 * signed and awaiting the GP's acknowledgement, closed, declined. The consortium's cooperation agreement names the
 * remote consultation fee (TM-1); each request carries the patient's written consent, one a guardian's with the
 * reason (TM-2); the answering physician is the lead hospital's most experienced one (TM-5). The office's price list
 * for the agreement (TM-13) gives the closed ones their price items. Every step is dated in the past as the two sides
 * took it, so the timelines read like real ones.
 */
@Component
class DemoConsultations {

    private static final String GP = "gp";
    private static final String SPECIALIST = "specialist";
    private static final String OFFICE = "office";
    private static final long HOUR = 3600;

    private final ConsultationBackfill consultations;
    private final RegistryManagement registry;
    private final ZoneId zone;

    DemoConsultations(ConsultationBackfill consultations, RegistryManagement registry, Clock clock) {
        this.consultations = consultations;
        this.registry = registry;
        this.zone = clock.getZone();
    }

    /** The plan's centre asks its lead hospital; returns how many consultations (none without a physician there). */
    int seed(DemoReferrals.Plan plan) {
        Optional<UUID> expert = registry.practitioners(new InstitutionId(plan.hospitalId())).stream()
                .filter(p -> p.profession() == Profession.PHYSICIAN)
                .min(Comparator.comparing(PractitionerView::titleDate).thenComparing(PractitionerView::name))
                .map(p -> p.id().value());
        if (expert.isEmpty()) {
            return 0;
        }
        var d = new Seeding(plan, expert.get());
        Instant now = plan.now();
        fees(plan, now.minusSeconds(120 * 24 * HOUR)); // before the earliest history month
        // awaiting a decision: a routine one and an urgent one past its TM-4 deadline (the office's overdue queue)
        d.request(2, ConsultationType.REMOTE, ConsultationUrgency.ROUTINE, now.minusSeconds(2 * HOUR), hypertension());
        d.request(9, ConsultationType.ADVICE_ONLY, ConsultationUrgency.URGENT, now.minusSeconds(3 * HOUR), diabetes());
        // the specialist asked for more information
        var info = d.request(11, ConsultationType.REMOTE_DIAGNOSIS, ConsultationUrgency.ROUTINE,
                now.minusSeconds(5 * HOUR), ecg());
        consultations.step(info, ConsultationAction.ASK_INFO, "演示：请上传近一周的动态心电图报告", SPECIALIST,
                now.minusSeconds(4 * HOUR));
        // accepted, the remote session booked for tomorrow
        var accepted = d.request(16, ConsultationType.REMOTE, ConsultationUrgency.ROUTINE, now.minusSeconds(20 * HOUR),
                hypertension());
        d.accept(accepted, now.minusSeconds(18 * HOUR), now.plusSeconds(20 * HOUR));
        // opinion signed, awaiting the GP's acknowledgement (TM-7)
        var signed = d.request(23, ConsultationType.REMOTE, ConsultationUrgency.URGENT, now.minusSeconds(30 * HOUR),
                hypertension());
        d.answer(signed, now.minusSeconds(29 * HOUR), "演示：建议在氨氯地平基础上加用缬沙坦 80 mg qd，两周后社区复测血压");
        // closed: acknowledged by the GP, the opinion filed on both sides
        var closed = d.request(30, ConsultationType.MDT, ConsultationUrgency.ROUTINE, now.minusSeconds(4 * 24 * HOUR),
                diabetes());
        d.answer(closed, now.minusSeconds(3 * 24 * HOUR), "演示：二甲双胍加量至 1 g bid，加强饮食管理，三个月后复查糖化血红蛋白");
        consultations.step(closed, ConsultationAction.ACKNOWLEDGE, null, GP, now.minusSeconds(2 * 24 * HOUR));
        consultations.step(closed, ConsultationAction.CLOSE, null, GP, now.minusSeconds(2 * 24 * HOUR - 600));
        // closed: a remote consultation, its price item paid by the patient (TM-13)
        var remote = d.request(44, ConsultationType.REMOTE, ConsultationUrgency.ROUTINE, now.minusSeconds(6 * 24 * HOUR),
                hypertension());
        d.answer(remote, now.minusSeconds(5 * 24 * HOUR), "演示：维持氨氯地平 5 mg qd，加用缬沙坦 80 mg qd，社区每周随访血压");
        consultations.step(remote, ConsultationAction.ACKNOWLEDGE, null, GP, now.minusSeconds(5 * 24 * HOUR - 4 * HOUR));
        consultations.step(remote, ConsultationAction.CLOSE, null, GP, now.minusSeconds(5 * 24 * HOUR - 5 * HOUR));
        // declined with a reason
        var declined = d.request(37, ConsultationType.INTER_HOSPITAL, ConsultationUrgency.ROUTINE,
                now.minusSeconds(26 * HOUR), ecg());
        consultations.step(declined, ConsultationAction.DECLINE, "演示：本院心电生理专科医师本周外出，建议改约市级医院", SPECIALIST,
                now.minusSeconds(25 * HOUR));
        for (int month = 1; month <= 3; month++) {
            history(d, now.atZone(zone).minusMonths(month).withDayOfMonth(10).withHour(9).withMinute(0).withSecond(0).toInstant(), month);
        }
        return d.count;
    }

    /**
     * A month of earlier work from {@code start} (the 10th, 09:00), so the indicators' default month (the last complete one)
     * and the trends have consultations (I-15, I-17, I-18, I-19): closed remote and inter-hospital consultations answered
     * after a few hours, an MDT signed and awaiting acknowledgement, a declined one, and a joint clinic at the centre with
     * three patients — fewer in earlier months.
     */
    private void history(Seeding d, Instant start, int monthsAgo) {
        int closedOnes = 4 - monthsAgo;
        for (int i = 0; i < closedOnes; i++) {
            Instant at = start.plusSeconds(i * 26 * HOUR);
            var id = d.request(40 + 10 * monthsAgo + i, i % 2 == 0 ? ConsultationType.REMOTE : ConsultationType.INTER_HOSPITAL,
                    ConsultationUrgency.ROUTINE, at, i % 2 == 0 ? hypertension() : diabetes());
            d.answer(id, at.plusSeconds((2 + 3L * i) * HOUR), "演示：维持现方案，监测血压血糖，一个月后社区复诊");
            consultations.step(id, ConsultationAction.ACKNOWLEDGE, null, GP, at.plusSeconds((8 + 3L * i) * HOUR));
            consultations.step(id, ConsultationAction.CLOSE, null, GP, at.plusSeconds((8 + 3L * i) * HOUR + 600));
        }
        var mdt = d.request(45 + 10 * monthsAgo, ConsultationType.MDT, ConsultationUrgency.URGENT, start.plusSeconds(HOUR), diabetes());
        d.answer(mdt, start.plusSeconds(2 * HOUR), "演示：多学科讨论后建议转诊内分泌科住院调整方案");
        var declined = d.request(46 + 10 * monthsAgo, ConsultationType.REMOTE_DIAGNOSIS, ConsultationUrgency.ROUTINE,
                start.plusSeconds(30 * HOUR), ecg());
        consultations.step(declined, ConsultationAction.DECLINE, "演示：图像质量不足，请重新采集", SPECIALIST, start.plusSeconds(40 * HOUR));
        // the month's joint clinic at the centre: one session (same time, same pair), three patients
        Instant session = start.plusSeconds(5 * 24 * HOUR + 5 * HOUR);
        for (int p = 0; p < 3; p++) {
            var id = d.request(47 + 10 * monthsAgo + p, ConsultationType.JOINT_CLINIC, ConsultationUrgency.ROUTINE,
                    start.plusSeconds(3 * 24 * HOUR + p * 600), p == 1 ? diabetes() : hypertension());
            d.accept(id, start.plusSeconds(3 * 24 * HOUR + 4 * HOUR), session);
            consultations.step(id, ConsultationAction.START, null, SPECIALIST, session);
            consultations.step(id, ConsultationAction.DRAFT_OPINION, "演示：联合门诊意见：调整用药并纳入慢病随访", SPECIALIST,
                    session.plusSeconds(1200L * (p + 1)));
            consultations.step(id, ConsultationAction.SIGN_OPINION, null, SPECIALIST, session.plusSeconds(1200L * (p + 1) + 60));
            consultations.step(id, ConsultationAction.ACKNOWLEDGE, null, GP, session.plusSeconds(4 * HOUR));
            consultations.step(id, ConsultationAction.CLOSE, null, GP, session.plusSeconds(4 * HOUR + 60));
        }
    }

    /**
     * TM-13: the office's price list for the telemedicine agreements between the centre and its lead hospital
     * (illustrative amounts, in yuan): the patient pays remote consultation, MDT and remote diagnosis; the centre pays
     * the hospital for an inter-hospital consultation; joint clinics, rounds and advice are free.
     */
    private void fees(DemoReferrals.Plan plan, Instant at) {
        var agreements = registry.agreementsBetween(new InstitutionId(plan.primaryInstitutionId()),
                new InstitutionId(plan.hospitalId())).stream()
                .filter(a -> a.type() == AgreementType.COOPERATION || a.type() == AgreementType.TRUSTEESHIP).toList();
        for (var a : agreements) {
            fee(a.id(), plan, ConsultationType.REMOTE, "200", FeePayer.PATIENT, at);
            fee(a.id(), plan, ConsultationType.MDT, "500", FeePayer.PATIENT, at);
            fee(a.id(), plan, ConsultationType.REMOTE_DIAGNOSIS, "60", FeePayer.PATIENT, at);
            fee(a.id(), plan, ConsultationType.INTER_HOSPITAL, "300", FeePayer.INVITING_INSTITUTION, at);
            fee(a.id(), plan, ConsultationType.JOINT_CLINIC, "0", FeePayer.PATIENT, at);
            fee(a.id(), plan, ConsultationType.REMOTE_ROUNDS, "0", FeePayer.INVITING_INSTITUTION, at);
            fee(a.id(), plan, ConsultationType.ADVICE_ONLY, "0", FeePayer.PATIENT, at);
        }
    }

    private void fee(UUID agreement, DemoReferrals.Plan plan, ConsultationType type, String amount, FeePayer payer,
                     Instant at) {
        consultations.fee(new SetConsultationFee(agreement, type, new BigDecimal(amount), payer), plan.consortiumId(),
                OFFICE, at);
    }

    /** What the request asks: reason, purpose, record summary, specialty (TM-3). */
    private record Question(String reason, String purpose, String summary, String specialty, String department) {
    }

    private static Question hypertension() {
        return new Question("演示：血压控制不佳", "调整降压方案", "近两周家庭自测血压 160-175/95-105 mmHg，已服氨氯地平 5 mg qd，无胸痛",
                "心血管内科", "心内科");
    }

    private static Question diabetes() {
        return new Question("演示：血糖控制不佳", "评估降糖方案", "空腹血糖 9-11 mmol/L，糖化血红蛋白 8.6%，已服二甲双胍 0.5 g bid",
                "内分泌科", "内分泌科");
    }

    private static Question ecg() {
        return new Question("演示：心电图异常待判读", "明确心律失常性质", "常规心电图示频发室性早搏，偶有心悸，无晕厥", "心血管内科", "心内科");
    }

    /** One seeding run: the plan, the answering physician, how many were made. */
    private final class Seeding {

        private final DemoReferrals.Plan plan;
        private final UUID expert;
        private int count;

        Seeding(DemoReferrals.Plan plan, UUID expert) {
            this.plan = plan;
            this.expert = expert;
        }

        /** A request by the GP for the plan's {@code index}th resident; every fourth one a guardian's consent. */
        ConsultationId request(int index, ConsultationType type, ConsultationUrgency urgency, Instant at, Question q) {
            var resident = plan.residents().get(index % plan.residents().size());
            boolean guardian = index % 4 == 1;
            LocalDate signedOn = LocalDate.ofInstant(at, zone);
            count++;
            return consultations.request(new RequestConsultation(type, urgency, null, null, plan.hospitalId(),
                    q.department(), null, resident.residentId(), q.reason(), q.purpose(), at.plusSeconds(24 * HOUR),
                    q.summary(), q.specialty(), "主任医师", guardian ? ConsentSigner.GUARDIAN : ConsentSigner.PATIENT,
                    guardian ? "演示：患者之女" : null, guardian ? "演示：患者认知功能减退，由女儿代为签署" : null, signedOn,
                    type == ConsultationType.ADVICE_ONLY, null), plan.primaryInstitutionId(), GP, at);
        }

        void accept(ConsultationId id, Instant at, @Nullable Instant session) {
            consultations.accept(id, new AcceptConsultation(session, expert, "演示：远程会诊室 2"), SPECIALIST, at);
        }

        /** Accepted, held, the opinion drafted and signed by the specialist, an hour apart from {@code at}. */
        void answer(ConsultationId id, Instant at, String opinion) {
            accept(id, at, at.plusSeconds(HOUR));
            consultations.step(id, ConsultationAction.START, null, SPECIALIST, at.plusSeconds(HOUR));
            consultations.step(id, ConsultationAction.DRAFT_OPINION, opinion, SPECIALIST, at.plusSeconds(2 * HOUR));
            consultations.step(id, ConsultationAction.SIGN_OPINION, null, SPECIALIST, at.plusSeconds(2 * HOUR + 300));
        }
    }
}
