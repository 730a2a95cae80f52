package org.medunion.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationMeasures;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
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
        if (windows.isEmpty()) {
            return new Sessions(0, 0, null);
        }
        var params = new ArrayList<Object>();
        String heldAt = InstitutionDays.where(windows, "c.from_institution_id", "c.session_at", clock.getZone(), params);
        long[] counts = new long[2];
        Instant[] newest = {null};
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
                    counts[0]++;
                    counts[1] += rs.getLong("n");
                    newest[0] = later(newest[0], rs.getTimestamp("newest"));
                });
        seriesSessions(windows, counts, newest);
        return new Sessions(counts[0], counts[1], newest[0]);
    }

    /**
     * The held sessions of joint-clinic and remote-round series at the spans' host institutions, with the residents
     * seen (decision 0246); a consultation group at the same time, pair and type is that session and was left out above.
     */
    private void seriesSessions(List<InstitutionDays> windows, long[] counts, Instant[] newest) {
        var params = new ArrayList<Object>();
        String heldAt = InstitutionDays.where(windows, "r.host_institution_id", "x.starts_at", clock.getZone(), params);
        jdbc.sql("""
                select x.id, x.recorded_at, (select count(*) from consultation_session_patient p where p.session_id = x.id) n
                  from consultation_session x join consultation_series r on r.id = x.series_id
                 where x.status = ? and r.kind in (?, ?) and (%s)""".formatted(heldAt))
                .param(SessionStatus.HELD.name()).param(SESSION_TYPES.get(0)).param(SESSION_TYPES.get(1)).params(params)
                .query(rs -> {
                    counts[0]++;
                    counts[1] += rs.getLong("n");
                    newest[0] = later(newest[0], rs.getTimestamp("recorded_at"));
                });
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Timestamp b) {
        if (b == null) {
            return a;
        }
        return a == null || b.toInstant().isAfter(a) ? b.toInstant() : a;
    }
}
