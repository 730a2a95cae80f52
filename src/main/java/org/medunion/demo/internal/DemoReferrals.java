package org.medunion.demo.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.BookingKind;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.DestinationType;
import org.medunion.referral.MedicationStops;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.RejectionReason;
import org.medunion.referral.Urgency;
import org.medunion.referral.backfill.ReferralBackfill;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo city's referrals: in every workflow state (draft to expired, redirected ones included) in both
 * directions, driven through the referral module's public commands ({@link ReferralBackfill}) as the account
 * "demo", each step at its own instant in the past so the timelines read like real ones.
 */
@Component
class DemoReferrals {

    private static final String ACTOR = "demo";

    /**
     * What the seeder passes in: a primary institution, a lead hospital, their consortium and residents, an
     * outpatient schedule of the hospital with free slots (accepted upward referrals book from it). Downward
     * referrals are accepted into the primary institution's community beds ({@code primaryBedScheduleId}) or as
     * family beds under its family-doctor team ({@code primaryTeamId}); redirected ones go on to
     * {@code otherHospitalId} (upward) or {@code otherPrimaryId} (downward, e.g. a nursing home).
     */
    record Plan(UUID primaryInstitutionId, UUID hospitalId, UUID consortiumId, UUID scheduleId, List<Resident> residents,
                Instant now, UUID otherHospitalId, UUID otherPrimaryId, UUID primaryBedScheduleId, UUID primaryTeamId) {
    }

    record Resident(UUID residentId, String residentIdNumber, String name) {
    }

    /** A downward referral the centre received (accepted or later), with its medication list: RX-16's starting point. */
    record ReceivedDown(UUID referralId, UUID residentId, Instant acceptedAt) {
    }

    /** What {@link #seed} made: how many referrals, and the downward ones the centre received. */
    record Seeded(int count, List<ReceivedDown> receivedDown) {
    }

    private final ReferralBackfill referrals;
    private final ZoneId zone;
    /** How long past its deadline a submitted referral expires (the referral module's setting, same default). */
    private final Duration expireAfter;

    DemoReferrals(ReferralBackfill referrals, Clock clock,
                  @Value("${medunion.referral.expire-after:P7D}") Duration expireAfter) {
        this.referrals = referrals;
        this.zone = clock.getZone();
        this.expireAfter = expireAfter;
    }

    /** One referral per state and direction, an hour apart going back from {@code plan.now()}. */
    Seeded seed(Plan plan) {
        var out = new ArrayList<ReferralId>();
        var received = new ArrayList<ReceivedDown>();
        int i = 0;
        for (ReferralDirection direction : List.of(ReferralDirection.UP, ReferralDirection.DOWN)) {
            for (ReferralStatus target : ReferralStatus.values()) {
                var res = plan.residents().get(i++ % plan.residents().size());
                Instant at = plan.now().minusSeconds(3600L * i);
                ReferralId id = seedOne(plan, res, direction, target, at);
                out.add(id);
                if (direction == ReferralDirection.DOWN && acceptedOrLater(target)) {
                    received.add(new ReceivedDown(id.value(), res.residentId(), at.plusSeconds(1200))); // as acceptAndGoOn dates it
                }
            }
        }
        stopOne(received, plan.now());
        return new Seeded(out.size(), List.copyOf(received));
    }

    /**
     * RX-16, I-30: of the downward referrals received, the one before the last gets a documented stop (the patient's blood
     * pressure is controlled) instead of an extended prescription, and leaves the list the pharmacy renews from; the last
     * stays open for the demo family doctor.
     */
    private void stopOne(List<ReceivedDown> received, Instant now) {
        if (received.size() < 3) {
            return;
        }
        var stopped = received.remove(received.size() - 2);
        Instant at = notAfter(stopped.acceptedAt().plusSeconds(1800), now.minusSeconds(60));
        referrals.stopMedication(new ReferralId(stopped.referralId()), new MedicationStops.Stop(MedicationStops.Reason.TARGET_REACHED,
                "演示：血压控制达标，遵上级医院意见停药观察，继续生活方式干预"), ACTOR, at);
    }

    private static boolean acceptedOrLater(ReferralStatus s) {
        return s == ReferralStatus.ACCEPTED || s == ReferralStatus.ARRIVED || s == ReferralStatus.COMPLETED;
    }

    /**
     * Where a demo downward referral goes: redirected ones to a nursing home, accepted ones alternately into a
     * community bed (bed booking) and a family bed (team + planned start), the others through the other kinds.
     */
    private static DestinationType destination(ReferralStatus target) {
        if (target == ReferralStatus.REDIRECTED) {
            return DestinationType.NURSING_HOME;
        }
        if (acceptedOrLater(target)) {
            return target.ordinal() % 2 == 0 ? DestinationType.COMMUNITY_BED : DestinationType.FAMILY_BED;
        }
        var kinds = List.of(DestinationType.COMMUNITY_BED, DestinationType.FAMILY_BED, DestinationType.OUTPATIENT_FOLLOW_UP,
                DestinationType.REHAB);
        return kinds.get(target.ordinal() % kinds.size());
    }

    private CreateReferral command(Plan plan, Resident res, ReferralDirection direction, ReferralStatus target,
                                   LocalDate day) {
        boolean down = direction == ReferralDirection.DOWN;
        UUID from = down ? plan.hospitalId() : plan.primaryInstitutionId();
        UUID to = down ? plan.primaryInstitutionId() : plan.hospitalId();
        return new CreateReferral(direction, from, null, to, down ? null : "心内科",
                false, res.residentId(), res.residentIdNumber(), res.name(), plan.consortiumId(), null,
                down ? "病情稳定，转回社区继续治疗" : "血压控制不佳，需专科评估", down ? "I10" : "I10.X00",
                down ? "原发性高血压" : "原发性高血压（控制不佳）",
                target == ReferralStatus.EXPIRED ? Urgency.URGENT : Urgency.ROUTINE, "近两周血压波动 160-180/100 mmHg",
                List.of(), "演示数据：无匹配标准", down ? destination(target) : null, List.of(),
                down ? "低盐饮食，规律服药，每两周随访" : null,
                down ? List.of(new CreateReferral.FollowUpInput("测量血压并记录", day.plusDays(14), null, plan.primaryTeamId()),
                        new CreateReferral.FollowUpInput("复查血脂、肾功能", day.plusDays(28), null, plan.primaryTeamId())) : List.of(),
                down ? List.of(new CreateReferral.MedicationInput("氨氯地平片", "5 mg", "qd", 28, null),
                        new CreateReferral.MedicationInput("阿托伐他汀钙片", "20 mg", "qn", 28, "延伸处方")) : List.of(),
                false);
    }

    /** Creates one referral and takes it step by step to {@code target}, as its two sides would have. */
    private ReferralId seedOne(Plan plan, Resident res, ReferralDirection direction, ReferralStatus target, Instant at) {
        boolean down = direction == ReferralDirection.DOWN;
        LocalDate day = LocalDate.ofInstant(at, zone);
        // an expired one was created and submitted long enough ago for its deadline to have passed (Task inv-1:
        // lastModified must not precede authoredOn)
        Instant created = target == ReferralStatus.EXPIRED ? at.minus(expireAfter).minusSeconds(86400 + 60) : at;
        ReferralId id = referrals.create(command(plan, res, direction, target, day), ACTOR, created).id();
        switch (target) {
            case DRAFT -> {
                return id;
            }
            case CANCELLED -> {
                referrals.cancel(id, "演示", ACTOR, at.plusSeconds(60));
                return id;
            }
            default -> referrals.submit(id, ACTOR, created.plusSeconds(60));
        }
        switch (target) {
            case REDIRECTED -> referrals.redirect(id, new RedirectReferral(down ? plan.otherPrimaryId() : plan.otherHospitalId(),
                    null, down ? "演示：需长期照护，改转护理院" : "演示：心内科床位已满，改转市级医院"), ACTOR, at.plusSeconds(600));
            case EXPIRED -> referrals.expire(id, at);
            case REJECTED -> referrals.reject(id, new RejectReferral(RejectionReason.NO_CAPACITY, "演示：本周无床位"), ACTOR,
                    at.plusSeconds(600));
            case ACCEPTED, ARRIVED, COMPLETED -> acceptAndGoOn(plan, id, down, target, at, day);
            default -> {
            }
        }
        return id;
    }

    private void acceptAndGoOn(Plan plan, ReferralId id, boolean down, ReferralStatus target, Instant at, LocalDate day) {
        AcceptReferral acceptance = !down
                ? new AcceptReferral(BookingKind.SLOT, null, plan.scheduleId(), null, null)
                : destination(target) == DestinationType.COMMUNITY_BED
                        ? new AcceptReferral(BookingKind.BED, null, plan.primaryBedScheduleId(), null, "社区病房收治")
                        : AcceptReferral.homeCare(plan.primaryTeamId(), null, day.plusDays(1), "家庭病床，每周上门两次");
        referrals.accept(id, acceptance, ACTOR, at.plusSeconds(1200));
        if (target == ReferralStatus.ACCEPTED) {
            return;
        }
        // a step is never dated after the loading moment: no change time in the future (FHIR _lastUpdated gt tomorrow
        // finds nothing); a referral of an hour ago arrived and was completed within that hour
        referrals.arrive(id, ACTOR, notAfter(at.plusSeconds(86400), plan.now().minusSeconds(60)));
        if (target == ReferralStatus.ARRIVED) {
            return;
        }
        referrals.complete(id, new CompleteReferral(down ? "演示：社区随访三个月，血压稳定在 130/80 mmHg，照护计划执行完毕"
                : "演示：诊疗结束，出院小结已回传"), ACTOR, notAfter(at.plusSeconds(2 * 86400), plan.now()));
    }

    private static Instant notAfter(Instant step, Instant latest) {
        return step.isAfter(latest) ? latest : step;
    }
}
