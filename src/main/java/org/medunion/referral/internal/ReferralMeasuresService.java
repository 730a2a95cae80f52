package org.medunion.referral.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralMeasures;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.RejectionReason;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ReferralMeasures} in one SQL statement each, over the referral, transition and feedback tables. */
@Service
@Transactional(readOnly = true)
class ReferralMeasuresService implements ReferralMeasures {

    private final JdbcClient jdbc;
    private final Clock clock;

    ReferralMeasuresService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Completed completed(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return new Completed(0, 0, null);
        }
        var params = new ArrayList<Object>();
        String from = InstitutionDays.where(windows, "r.from_institution_id", "c.at", clock.getZone(), params);
        String to = InstitutionDays.where(windows, "r.to_institution_id", "c.at", clock.getZone(), params);
        return jdbc.sql("""
                select coalesce(sum(case when r.direction = 'UP' then 1 else 0 end), 0) up,
                       coalesce(sum(case when r.direction = 'DOWN' then 1 else 0 end), 0) down, max(c.at) newest
                from referral_referral r
                join (select referral_id, min(at) at from referral_transition where to_status = 'COMPLETED'
                      group by referral_id) c on c.referral_id = r.id
                where (%s) or (%s)""".formatted(from, to))
                .params(params)
                .query((rs, n) -> new Completed(rs.getLong("up"), rs.getLong("down"), instant(rs.getTimestamp("newest")))).single();
    }

    @Override
    public ClosedLoop closedLoop(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return new ClosedLoop(0, 0, null);
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "r.to_institution_id", "r.submitted_at", clock.getZone(), params);
        return jdbc.sql("""
                select count(*) received, coalesce(sum(case when f.referral_id is not null then 1 else 0 end), 0) closed,
                       max(r.submitted_at) newest
                from referral_referral r left join referral_feedback f on f.referral_id = r.id
                where r.submitted_at is not null and (%s)""".formatted(where))
                .params(params)
                .query((rs, n) -> new ClosedLoop(rs.getLong("received"), rs.getLong("closed"), instant(rs.getTimestamp("newest"))))
                .single();
    }

    @Override
    public UpwardReturns upwardReturns(List<InstitutionDays> windows, int days) {
        long residents = 0;
        long notReturned = 0;
        long pending = 0;
        @Nullable
        Instant newest = null;
        for (UpwardReturn u : firstUpward(windows, days)) {
            Instant at = u.referral().submittedAt();
            newest = newest == null || at != null && at.isAfter(newest) ? at : newest;
            switch (u.outcome()) {
                case PENDING -> pending++;
                case NOT_RETURNED -> {
                    residents++;
                    notReturned++;
                }
                default -> residents++;
            }
        }
        return new UpwardReturns(residents, notReturned, pending, newest);
    }

    @Override
    public List<UpwardReturn> upwardReturnRecords(List<InstitutionDays> windows, int days, int limit) {
        var all = new ArrayList<>(firstUpward(windows, days));
        Collections.reverse(all);
        return List.copyOf(all.subList(0, Math.min(all.size(), Math.max(1, Math.min(limit, 1000)))));
    }

    /**
     * I-12's one query: each contracted resident's first upward referral of the windows (submitted there and accepted),
     * with the first downward referral of the same resident after it, oldest first; the resident stays here.
     */
    private List<UpwardReturn> firstUpward(List<InstitutionDays> windows, int days) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "r.from_institution_id", "r.submitted_at", clock.getZone(), params);
        var first = new LinkedHashMap<UUID, UpwardReturn>();
        Instant now = clock.instant();
        jdbc.sql("""
                select r.resident_id, r.number, r.direction, r.from_institution_id, r.to_institution_id, r.status,
                       r.submitted_at, r.rejection_reason,
                       (select min(t.at) from referral_transition t where t.referral_id = r.id
                         and t.to_status = 'ACCEPTED') accepted_at,
                       (select min(t.at) from referral_transition t where t.referral_id = r.id
                         and t.to_status = 'COMPLETED') completed_at,
                       (select count(*) from referral_feedback f where f.referral_id = r.id) feedback,
                       (select min(d.submitted_at) from referral_referral d where d.resident_id = r.resident_id
                         and d.direction = 'DOWN' and d.submitted_at >= r.submitted_at
                         and d.status not in ('DRAFT', 'CANCELLED', 'REJECTED', 'EXPIRED')) down_at
                from referral_referral r
                where r.direction = 'UP' and r.contract_id is not null and r.submitted_at is not null
                  and r.status in ('ACCEPTED', 'ARRIVED', 'COMPLETED') and (%s)
                order by r.submitted_at, r.number""".formatted(where))
                .params(params)
                .query(rs -> {
                    UUID resident = rs.getObject("resident_id", UUID.class);
                    if (first.containsKey(resident)) {
                        return;
                    }
                    Instant up = rs.getTimestamp("submitted_at").toInstant();
                    Instant down = instant(rs.getTimestamp("down_at"));
                    Instant deadline = up.plus(Duration.ofDays(days));
                    boolean returned = down != null && !down.isAfter(deadline);
                    var outcome = returned ? ReturnOutcome.RETURNED
                            : now.isBefore(deadline) ? ReturnOutcome.PENDING : ReturnOutcome.NOT_RETURNED;
                    String reason = rs.getString("rejection_reason");
                    var referral = new CountedReferral(rs.getString("number"), ReferralDirection.valueOf(rs.getString("direction")),
                            rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class),
                            ReferralStatus.valueOf(rs.getString("status")), up, instant(rs.getTimestamp("accepted_at")),
                            instant(rs.getTimestamp("completed_at")), reason == null ? null : RejectionReason.valueOf(reason),
                            rs.getLong("feedback") > 0);
                    first.put(resident, new UpwardReturn(referral, down, outcome));
                });
        return List.copyOf(first.values());
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    @Override
    public Responses responses(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return new Responses(0, List.of(), Map.of(), null);
        }
        var params = new ArrayList<Object>();
        String where = InstitutionDays.where(windows, "r.to_institution_id", "r.submitted_at", clock.getZone(), params);
        long[] received = {0};
        var minutes = new ArrayList<Long>();
        Map<RejectionReason, Long> rejected = new EnumMap<>(RejectionReason.class);
        Instant[] newest = {null};
        jdbc.sql("""
                select r.submitted_at, r.status, r.rejection_reason,
                       (select min(t.at) from referral_transition t where t.referral_id = r.id and t.to_status = ?) accepted_at
                from referral_referral r where r.submitted_at is not null and (%s)""".formatted(where))
                .param(ReferralStatus.ACCEPTED.name()).params(params)
                .query(rs -> {
                    received[0]++;
                    Instant submitted = rs.getTimestamp("submitted_at").toInstant();
                    Timestamp accepted = rs.getTimestamp("accepted_at");
                    if (accepted != null) {
                        minutes.add(Duration.between(submitted, accepted.toInstant()).toMinutes());
                    } else if (ReferralStatus.REJECTED.name().equals(rs.getString("status"))) {
                        String reason = rs.getString("rejection_reason");
                        rejected.merge(reason == null ? RejectionReason.OTHER : RejectionReason.valueOf(reason), 1L, Long::sum);
                    }
                    newest[0] = newest[0] == null || submitted.isAfter(newest[0]) ? submitted : newest[0];
                });
        return new Responses(received[0], minutes, rejected, newest[0]);
    }

    @Override
    public List<CountedReferral> records(Counted which, List<InstitutionDays> windows, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String where = which == Counted.COMPLETED
                ? "c.at is not null and ((%s) or (%s))".formatted(
                        InstitutionDays.where(windows, "r.from_institution_id", "c.at", clock.getZone(), params),
                        InstitutionDays.where(windows, "r.to_institution_id", "c.at", clock.getZone(), params))
                : "r.submitted_at is not null and (%s)".formatted(
                        InstitutionDays.where(windows, "r.to_institution_id", "r.submitted_at", clock.getZone(), params));
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("""
                select r.number, r.direction, r.from_institution_id, r.to_institution_id, r.status, r.submitted_at,
                       r.rejection_reason, a.at accepted_at, c.at completed_at, f.referral_id feedback
                from referral_referral r
                left join (select referral_id, min(at) at from referral_transition where to_status = 'ACCEPTED'
                           group by referral_id) a on a.referral_id = r.id
                left join (select referral_id, min(at) at from referral_transition where to_status = 'COMPLETED'
                           group by referral_id) c on c.referral_id = r.id
                left join referral_feedback f on f.referral_id = r.id
                where %s
                order by coalesce(c.at, r.submitted_at) desc, r.number limit ?""".formatted(where))
                .params(params)
                .query((rs, n) -> new CountedReferral(rs.getString("number"), ReferralDirection.valueOf(rs.getString("direction")),
                        rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class),
                        ReferralStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("submitted_at")),
                        instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("completed_at")),
                        rs.getString("rejection_reason") == null ? null : RejectionReason.valueOf(rs.getString("rejection_reason")),
                        rs.getObject("feedback") != null))
                .list();
    }
}
