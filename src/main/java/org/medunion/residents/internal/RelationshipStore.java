package org.medunion.residents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.BreakTheGlassView;
import org.medunion.residents.ResidentId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the residents module's own care relationships, break-the-glass grants and registrations under review. */
@Repository
class RelationshipStore {

    private static final RowMapper<BreakTheGlassView> GLASS = (rs, n) -> new BreakTheGlassView(
            rs.getObject("id", UUID.class), new ResidentId(rs.getObject("resident_id", UUID.class)),
            new InstitutionId(rs.getObject("institution_id", UUID.class)), rs.getString("username"), rs.getString("reason"),
            rs.getTimestamp("granted_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
            rs.getObject("notified_institution_id", UUID.class) == null ? null
                    : new InstitutionId(rs.getObject("notified_institution_id", UUID.class)));

    private final JdbcClient jdbc;

    RelationshipStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A contract not ended names the institution as team (primary), district or municipal hospital. */
    boolean contractedWith(UUID residentId, UUID institution) {
        return jdbc.sql("""
                select count(*) from residents_contract c where c.resident_id = ? and c.status <> 'ENDED'
                   and (c.primary_institution_id = ? or c.district_hospital_id = ? or c.municipal_hospital_id = ?)""")
                .params(residentId, institution, institution, institution).query(Long.class).single() > 0;
    }

    /** The institution linked a record of its own (registration under the matching name, or a manual link). */
    boolean hasRecordOf(UUID residentId, UUID institution) {
        return jdbc.sql("select count(*) from residents_record_link where resident_id = ? and source_institution = ?")
                .params(residentId, institution).query(Long.class).single() > 0;
    }

    boolean hasBreakGlass(UUID residentId, UUID institution, Instant now) {
        return jdbc.sql("""
                select count(*) from residents_break_glass where resident_id = ? and institution_id = ? and expires_at > ?""")
                .params(residentId, institution, Timestamp.from(now)).query(Long.class).single() > 0;
    }

    /** The primary institution of the resident's contract in force (ACTIVE), if any — told of break-the-glass. */
    @Nullable
    UUID contractedPrimaryInstitution(UUID residentId) {
        return jdbc.sql("""
                select primary_institution_id from residents_contract where resident_id = ? and status = 'ACTIVE'
                 order by start_date desc limit 1""")
                .param(residentId).query(UUID.class).optional().orElse(null);
    }

    void insertBreakGlass(BreakTheGlassView g) {
        jdbc.sql("""
                insert into residents_break_glass (id, resident_id, institution_id, username, reason, granted_at, expires_at,
                  notified_institution_id) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(g.id(), g.residentId().value(), g.institutionId().value(), g.username(), g.reason(),
                        Timestamp.from(g.grantedAt()), Timestamp.from(g.expiresAt()),
                        g.notifiedInstitutionId() == null ? null : g.notifiedInstitutionId().value()))
                .update();
    }

    List<BreakTheGlassView> breakGlassReportedTo(UUID institution, int limit) {
        return jdbc.sql("select * from residents_break_glass where notified_institution_id = ? order by granted_at desc limit ?")
                .params(institution, limit).query(GLASS).list();
    }

    /** A registration that named a known ID number under another name: kept for review, linked to nothing. */
    void insertRegistrationReview(UUID residentId, @Nullable UUID source, @Nullable String localRecordNumber, String givenName,
                                  String username, Instant at) {
        jdbc.sql("""
                insert into residents_registration_review (id, resident_id, source_institution, local_record_number,
                  given_name, username, flagged_at, status) values (?, ?, ?, ?, ?, ?, ?, 'OPEN')""")
                .params(Arrays.asList(UUID.randomUUID(), residentId, source, localRecordNumber, givenName, username,
                        Timestamp.from(at)))
                .update();
    }

    long openRegistrationReviews(UUID residentId) {
        return jdbc.sql("select count(*) from residents_registration_review where resident_id = ? and status = 'OPEN'")
                .param(residentId).query(Long.class).single();
    }
}
