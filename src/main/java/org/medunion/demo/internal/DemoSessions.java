package org.medunion.demo.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionRecurrence;
import org.medunion.consultation.backfill.ConsultationBackfill;
import org.medunion.shared.MedUnionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo city's recurring sessions (issue 14), through {@link ConsultationBackfill}: a weekly joint clinic and
 * fortnightly remote rounds of the lead hospital at the gp's community health centre, and the centre's fortnightly
 * patrol of a 长宁 nursing home (CN-3). Each series starts three months back and runs two months ahead; the past
 * sessions are recorded held an hour after they end (the clinic's and the rounds' with a few of the centre's
 * residents), so the calendar is filled both ways and I-19 has last month's sessions. A series the rules refuse (no
 * TM-1 agreement, a site of the wrong kind) is skipped with a log line: the demo stays loadable.
 */
@Component
class DemoSessions {

    private static final Logger log = LoggerFactory.getLogger(DemoSessions.class);
    private static final String GP = "gp";
    private static final String SPECIALIST = "specialist";
    private static final long HOUR = 3600;

    private final ConsultationBackfill backfill;
    private final ZoneId zone;

    DemoSessions(ConsultationBackfill backfill, Clock clock) {
        this.backfill = backfill;
        this.zone = clock.getZone();
    }

    /** Seeds the series of the plan's centre; returns how many sessions were recorded held. */
    int seed(DemoReferrals.Plan plan) {
        LocalDate today = LocalDate.ofInstant(plan.now(), zone);
        LocalDate first = today.minusMonths(3);
        LocalDate last = today.plusMonths(2);
        int held = 0;
        held += series(plan, new CreateSeries(SessionKind.JOINT_CLINIC, "心内科联合门诊", plan.primaryInstitutionId(),
                plan.hospitalId(), "心内科", null, SessionRecurrence.WEEKLY, DayOfWeek.TUESDAY.getValue(), LocalTime.of(9, 0),
                180, first, last), true);
        held += series(plan, new CreateSeries(SessionKind.REMOTE_ROUNDS, "内分泌科远程查房", plan.primaryInstitutionId(),
                plan.hospitalId(), "内分泌科", null, SessionRecurrence.FORTNIGHTLY, DayOfWeek.THURSDAY.getValue(),
                LocalTime.of(14, 0), 90, first, last), true);
        // Plan.otherPrimaryId is the district's nursing home (the downward referrals' destination)
        held += series(plan, new CreateSeries(SessionKind.NURSING_HOME_PATROL, "护理院巡诊", plan.otherPrimaryId(),
                plan.primaryInstitutionId(), "全科", null, SessionRecurrence.FORTNIGHTLY, DayOfWeek.WEDNESDAY.getValue(),
                LocalTime.of(9, 30), 120, first, last), false);
        return held;
    }

    private int series(DemoReferrals.Plan plan, CreateSeries command, boolean withPatients) {
        LocalDate firstDay = Objects.requireNonNull(command.firstDay(), "the demo's series all have a first day");
        Instant created = firstDay.minusDays(7).atStartOfDay(zone).toInstant();
        String visitor = command.kind() == SessionKind.NURSING_HOME_PATROL ? GP : SPECIALIST;
        List<ConsultationBackfill.BackfilledSession> sessions;
        try {
            sessions = backfill.series(command, visitor, created);
        } catch (MedUnionException e) {
            log.info("Demo series {} skipped: {}", command.title(), e.getMessage());
            return 0;
        }
        int duration = Objects.requireNonNull(command.durationMinutes(), "the demo's series all have a duration");
        int held = 0;
        for (var s : sessions) {
            Instant recorded = s.startsAt().plusSeconds(duration * 60L + HOUR);
            if (recorded.isAfter(plan.now())) {
                break;
            }
            var seen = new ArrayList<UUID>();
            for (int p = 0; withPatients && p < 2 + held % 3; p++) {
                seen.add(plan.residents().get((held * 3 + p) % plan.residents().size()).residentId());
            }
            try {
                backfill.hold(s.id(), new RecordSession(List.of(), seen, "演示：按计划举行"), GP, recorded);
                held++;
            } catch (MedUnionException e) {
                log.info("Demo session of {} not recorded: {}", command.title(), e.getMessage());
            }
        }
        return held;
    }
}
