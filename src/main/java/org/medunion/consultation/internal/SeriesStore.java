package org.medunion.consultation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionRecurrence;
import org.medunion.consultation.SessionStatus;
import org.medunion.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over consultation_series, consultation_session and their attendee and patient lists. */
@Repository
class SeriesStore {

    private static final String SESSION_SELECT = """
            select x.id x_id, x.starts_at, x.ends_at, x.status, x.note, x.recorded_by, x.recorded_at, x.version, s.*
              from consultation_session x join consultation_series s on s.id = x.series_id""";

    private final JdbcClient jdbc;

    SeriesStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SeriesRow s, List<UUID> experts) {
        jdbc.sql("""
                insert into consultation_series (id, kind, title, host_institution_id, host_district, visiting_institution_id,
                    department, agreement_id, consortium_id, recurrence, weekday, start_time, duration_minutes, first_day,
                    last_day, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ConsultationStore.row(s.id(), s.kind().name(), s.title(), s.hostInstitutionId(), s.hostDistrict(),
                        s.visitingInstitutionId(), s.department(), s.agreementId(), s.consortiumId(), s.recurrence().name(),
                        s.weekday(), Time.valueOf(s.startTime()), s.durationMinutes(), s.firstDay(), s.lastDay(),
                        s.createdBy(), Timestamp.from(s.createdAt())))
                .update();
        for (UUID p : experts) {
            jdbc.sql("insert into consultation_series_expert (series_id, practitioner_id) values (?, ?)").params(s.id(), p).update();
        }
    }

    void insertSession(UUID id, UUID series, Instant starts, Instant ends) {
        jdbc.sql("insert into consultation_session (id, series_id, starts_at, ends_at, status) values (?, ?, ?, ?, ?)")
                .params(id, series, Timestamp.from(starts), Timestamp.from(ends), SessionStatus.PLANNED.name()).update();
    }

    Optional<SeriesRow> series(UUID id) {
        return jdbc.sql("select * from consultation_series s where s.id = ?").param(id).query(SeriesStore::series).optional();
    }

    List<UUID> experts(UUID series) {
        return jdbc.sql("select practitioner_id from consultation_series_expert where series_id = ? order by practitioner_id")
                .param(series).query(UUID.class).list();
    }

    int sessionCount(UUID series) {
        return jdbc.sql("select count(*) from consultation_session where series_id = ?").param(series).query(Integer.class).single();
    }

    Optional<SessionRow> session(UUID id) {
        return jdbc.sql(SESSION_SELECT + " where x.id = ?").param(id).query(SeriesStore::session).optional();
    }

    /** Sessions starting in {@code [from, to)} whose series matches the predicate, in time order. */
    List<SessionRow> sessions(ConsultationAccess.Predicate visible, Instant from, Instant to) {
        var params = new ArrayList<Object>(visible.params());
        params.add(Timestamp.from(from));
        params.add(Timestamp.from(to));
        return jdbc
                .sql(SESSION_SELECT + " where " + visible.sql() + " and x.starts_at >= ? and x.starts_at < ? order by x.starts_at, s.title")
                .params(params).query(SeriesStore::session).list();
    }

    List<UUID> attendees(UUID session) {
        return jdbc.sql("select practitioner_id from consultation_session_attendee where session_id = ? order by practitioner_id")
                .param(session).query(UUID.class).list();
    }

    List<UUID> patients(UUID session) {
        return jdbc.sql("select resident_id from consultation_session_patient where session_id = ? order by resident_id")
                .param(session).query(UUID.class).list();
    }

    int patientCount(UUID session) {
        return jdbc.sql("select count(*) from consultation_session_patient where session_id = ?").param(session)
                .query(Integer.class).single();
    }

    /** Marks the session held (or cancelled) if it is still at {@code version}, adding to its lists; else 409. */
    void record(SessionRow s, SessionStatus status, @Nullable String note, String by, Instant at, List<UUID> attendees,
                List<UUID> residents) {
        int n = jdbc.sql("""
                update consultation_session set status = ?, note = ?, recorded_by = ?, recorded_at = ?, version = version + 1
                 where id = ? and version = ?""")
                .params(ConsultationStore.row(status.name(), note, by, Timestamp.from(at), s.id(), s.version())).update();
        if (n != 1) {
            throw new ConflictException(ConsultationError.SESSION_CHANGED, "version", s.id());
        }
        // Added to, never replaced: who attended and whom the session saw are records kept for TM-9's retention period.
        for (UUID p : attendees) {
            jdbc.sql("""
                    insert into consultation_session_attendee (session_id, practitioner_id) select ?, ? where not exists
                    (select 1 from consultation_session_attendee where session_id = ? and practitioner_id = ?)""")
                    .params(s.id(), p, s.id(), p).update();
        }
        for (UUID r : residents) {
            jdbc.sql("""
                    insert into consultation_session_patient (session_id, resident_id) select ?, ? where not exists
                    (select 1 from consultation_session_patient where session_id = ? and resident_id = ?)""")
                    .params(s.id(), r, s.id(), r).update();
        }
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_40
    private static SeriesRow series(ResultSet rs, int n) throws SQLException {
        return new SeriesRow(rs.getObject("id", UUID.class), SessionKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getObject("host_institution_id", UUID.class), rs.getString("host_district"),
                rs.getObject("visiting_institution_id", UUID.class), rs.getString("department"),
                rs.getObject("agreement_id", UUID.class), rs.getObject("consortium_id", UUID.class),
                SessionRecurrence.valueOf(rs.getString("recurrence")), rs.getInt("weekday"),
                rs.getTime("start_time").toLocalTime(), rs.getInt("duration_minutes"),
                rs.getObject("first_day", LocalDate.class), rs.getObject("last_day", LocalDate.class),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_40
    private static SessionRow session(ResultSet rs, int n) throws SQLException {
        return new SessionRow(rs.getObject("x_id", UUID.class), series(rs, n), rs.getTimestamp("starts_at").toInstant(),
                rs.getTimestamp("ends_at").toInstant(), SessionStatus.valueOf(rs.getString("status")), rs.getString("note"),
                rs.getString("recorded_by"), ConsultationStore.instant(rs, "recorded_at"), rs.getLong("version"));
    }
}
