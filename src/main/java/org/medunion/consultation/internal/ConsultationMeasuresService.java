package org.medunion.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationMeasures;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationUrgency;
import org.medunion.consultation.CountedConsultation;
import org.medunion.consultation.CountedSession;
import org.medunion.consultation.SessionStatus;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ConsultationMeasures} from the consultation and step tables: aggregate SQL, durations as numbers only. */
@Service
@Transactional(readOnly = true)
class ConsultationMeasuresService implements ConsultationMeasures {

    private static final List<String> SESSION_TYPES = List.of(ConsultationType.JOINT_CLINIC.name(), ConsultationType.REMOTE_ROUNDS.name());

    private final JdbcClient jdbc;
    private final Clock clock;

    ConsultationMeasuresService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Invited invited(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return new Invited(Map.of(), 0, 0, 0, 0, 0, List.of(), List.of(), null);
        }
        Map<ConsultationType, Long> completed = new EnumMap<>(ConsultationType.class);
        Instant[] newest = {null};
        var closedParams = new ArrayList<Object>();
        String closedOn = InstitutionDays.where(windows, "c.to_institution_id", "s.at", clock.getZone(), closedParams);
        jdbc.sql("""
                select c.type, count(*) n, max(s.at) newest
                  from consultation_consultation c join consultation_step s on s.consultation_id = c.id and s.to_status = ?
                 where %s group by c.type""".formatted(closedOn))
                .param(ConsultationStatus.CLOSED.name()).params(closedParams)
                .query(rs -> {
                    completed.put(ConsultationType.valueOf(rs.getString("type")), rs.getLong("n"));
                    newest[0] = later(newest[0], rs.getTimestamp("newest"));
                });
        var params = new ArrayList<Object>();
        String requestedOn = InstitutionDays.where(windows, "c.to_institution_id", "c.created_at", clock.getZone(), params);
        long[] counts = new long[5];
        var toAccept = new ArrayList<Long>();
        var toOpinion = new ArrayList<Long>();
        jdbc.sql("""
                select c.type, c.status, c.referral_id, c.created_at, c.opinion_signed_at, c.updated_at,
                       (select min(s.at) from consultation_step s where s.consultation_id = c.id and s.action = ?) accepted_at
                  from consultation_consultation c where %s""".formatted(requestedOn))
                .param(ConsultationAction.ACCEPT.name()).params(params)
                .query(rs -> {
                    counts[0]++;
                    Instant created = rs.getTimestamp("created_at").toInstant();
                    Timestamp accepted = rs.getTimestamp("accepted_at");
                    if (accepted != null) {
                        counts[1]++;
                        toAccept.add(Duration.between(created, accepted.toInstant()).toMinutes());
                        if (ConsultationStatus.CLOSED.name().equals(rs.getString("status"))) {
                            counts[2]++;
                        }
                    }
                    Timestamp signed = rs.getTimestamp("opinion_signed_at");
                    if (signed != null) {
                        toOpinion.add(Duration.between(created, signed.toInstant()).toMinutes());
                    }
                    if (ConsultationType.ADVICE_ONLY.name().equals(rs.getString("type"))) {
                        counts[3]++;
                        if (rs.getObject("referral_id") != null) {
                            counts[4]++;
                        }
                    }
                    newest[0] = later(newest[0], rs.getTimestamp("updated_at"));
                });
        return new Invited(completed, counts[0], counts[1], counts[2], counts[3], counts[4], toAccept, toOpinion, newest[0]);
    }

    @Override
    public Sessions sessions(List<InstitutionDays> windows) {
        long patients = 0;
        Instant newest = null;
        var held = held(windows);
        for (var h : held) {
            patients += h.session().patients();
            newest = later(newest, h.changed());
        }
        return new Sessions(held.size(), patients, newest);
    }

    @Override
    public List<CountedSession> sessionRecords(List<InstitutionDays> windows, int limit) {
        return held(windows).stream().map(Held::session).sorted(Comparator.comparing(CountedSession::at).reversed())
                .limit(Math.max(0, limit)).toList();
    }

    /** A session held, with the last change that went into it (the value's "newest"). */
    private record Held(CountedSession session, @Nullable Timestamp changed) {
    }

    /**
     * The sessions held at the spans' primary institutions: consultations of the session forms grouped by time, pair and
     * form (each a patient), then the held sessions of joint-clinic and remote-round series with the residents recorded
     * as seen (decision 0246); a consultation group at a held series session's time, pair and form is that session and
     * counts once, with the series' patients.
     */
    private List<Held> held(List<InstitutionDays> windows) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var out = new ArrayList<Held>();
        var params = new ArrayList<Object>();
        String heldAt = InstitutionDays.where(windows, "c.from_institution_id", "c.session_at", clock.getZone(), params);
        jdbc.sql("""
                select c.from_institution_id, c.to_institution_id, c.type, c.session_at, count(*) n, max(c.updated_at) newest
                  from consultation_consultation c
                 where c.type in (?, ?)
                   and exists (select 1 from consultation_step s where s.consultation_id = c.id and s.action = ?)
                   and not exists (select 1 from consultation_session x join consultation_series r on r.id = x.series_id
                                    where x.status = ? and r.host_institution_id = c.from_institution_id
                                      and r.visiting_institution_id = c.to_institution_id and r.kind = c.type
                                      and x.starts_at = c.session_at)
                   and (%s)
                 group by c.from_institution_id, c.to_institution_id, c.type, c.session_at""".formatted(heldAt))
                .param(SESSION_TYPES.get(0)).param(SESSION_TYPES.get(1)).param(ConsultationAction.START.name())
                .param(SessionStatus.HELD.name()).params(params)
                .query(rs -> {
                    out.add(new Held(new CountedSession(ConsultationType.valueOf(rs.getString("type")),
                            rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class),
                            rs.getTimestamp("session_at").toInstant(), rs.getLong("n"), false), rs.getTimestamp("newest")));
                });
        var seriesParams = new ArrayList<Object>();
        String seriesAt = InstitutionDays.where(windows, "r.host_institution_id", "x.starts_at", clock.getZone(), seriesParams);
        jdbc.sql("""
                select r.kind, r.host_institution_id, r.visiting_institution_id, x.starts_at, x.recorded_at,
                       (select count(*) from consultation_session_patient p where p.session_id = x.id) n
                  from consultation_session x join consultation_series r on r.id = x.series_id
                 where x.status = ? and r.kind in (?, ?) and (%s)""".formatted(seriesAt))
                .param(SessionStatus.HELD.name()).param(SESSION_TYPES.get(0)).param(SESSION_TYPES.get(1)).params(seriesParams)
                .query(rs -> {
                    out.add(new Held(new CountedSession(ConsultationType.valueOf(rs.getString("kind")),
                            rs.getObject("host_institution_id", UUID.class), rs.getObject("visiting_institution_id", UUID.class),
                            rs.getTimestamp("starts_at").toInstant(), rs.getLong("n"), true), rs.getTimestamp("recorded_at")));
                });
        return out;
    }

    @Override
    public List<CountedConsultation> records(boolean closed, List<InstitutionDays> windows, int limit) {
        if (windows.isEmpty() || limit <= 0) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        // the same rule as invited(): I-15 by the day the consultation closed, I-17/I-18 by the day it was requested
        String where;
        if (closed) {
            params.add(ConsultationStatus.CLOSED.name());
            where = "exists (select 1 from consultation_step s where s.consultation_id = c.id and s.to_status = ? and ("
                    + InstitutionDays.where(windows, "c.to_institution_id", "s.at", clock.getZone(), params) + "))";
        } else {
            where = InstitutionDays.where(windows, "c.to_institution_id", "c.created_at", clock.getZone(), params);
        }
        return jdbc.sql("""
                select * from (
                select c.id, c.number, c.type, c.urgency, c.status, c.from_institution_id, c.to_institution_id, c.created_at,
                       c.opinion_signed_at, c.referral_id,
                       (select min(s.at) from consultation_step s where s.consultation_id = c.id and s.action = ?) accepted_at,
                       (select max(s.at) from consultation_step s where s.consultation_id = c.id and s.to_status = ?) closed_at
                  from consultation_consultation c where %s) r
                 order by %s desc, number desc fetch first %d rows only""".formatted(where, closed ? "closed_at" : "created_at",
                limit))
                .param(ConsultationAction.ACCEPT.name()).param(ConsultationStatus.CLOSED.name()).params(params)
                .query((rs, n) -> new CountedConsultation(rs.getObject("id", UUID.class), rs.getString("number"),
                        ConsultationType.valueOf(rs.getString("type")), ConsultationUrgency.valueOf(rs.getString("urgency")),
                        ConsultationStatus.valueOf(rs.getString("status")), rs.getObject("from_institution_id", UUID.class),
                        rs.getObject("to_institution_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                        instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("opinion_signed_at")),
                        instant(rs.getTimestamp("closed_at")), rs.getObject("referral_id") != null))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Timestamp b) {
        if (b == null) {
            return a;
        }
        return a == null || b.toInstant().isAfter(a) ? b.toInstant() : a;
    }
}
