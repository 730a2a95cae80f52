package org.medunion.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.StudyPeriodView;
import org.medunion.registry.Title;
import org.medunion.shared.ChangeWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Practitioners and their study periods (SH-14). */
@Repository
class PractitionerStore {

    private final JdbcClient jdbc;

    PractitionerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PractitionerView> byInstitution(UUID institutionId) {
        return jdbc.sql("select * from registry_practitioner where institution_id = ? order by name, id")
                .param(institutionId).query((rs, n) -> practitioner(rs)).list();
    }

    List<PractitionerView> all() {
        return jdbc.sql("select * from registry_practitioner order by institution_id, name, id").query((rs, n) -> practitioner(rs)).list();
    }

    /** Practitioners of the institutions matching {@code institutionWhere} (conditions on alias {@code i}). */
    List<PractitionerView> atInstitutions(String institutionWhere, List<Object> params, ChangeWindow changed) {
        var sql = new StringBuilder("select p.* from registry_practitioner p where p.institution_id in (select i.id from"
                + " registry_institution i where 1=1" + institutionWhere + ")");
        var all = new ArrayList<>(params);
        changed.appendTo(sql, all, "p.updated_at");
        return jdbc.sql(sql + " order by p.institution_id, p.name, p.id").params(all).query((rs, n) -> practitioner(rs)).list();
    }

    Optional<PractitionerView> find(UUID id) {
        return jdbc.sql("select * from registry_practitioner where id = ?").param(id).query((rs, n) -> practitioner(rs)).optional();
    }

    void insert(UUID id, RegisterPractitioner c, Instant now, String user) {
        jdbc.sql("""
                insert into registry_practitioner (id, name, institution_id, profession, title, title_date, discipline,
                    general_practitioner, paediatrician, version, created_at, created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(Arrays.asList(id, c.name(), Rows.id(c.institutionId()), Rows.name(c.profession()), Rows.name(c.title()),
                        c.titleDate(),
                        c.discipline(), Check.flag(c.generalPractitioner()), Check.flag(c.paediatrician()),
                        Rows.ts(now), user, Rows.ts(now)))
                .update();
    }

    boolean update(UUID id, long expectedVersion, RegisterPractitioner c, Instant now) {
        return jdbc.sql("""
                update registry_practitioner set name = ?, institution_id = ?, profession = ?, title = ?, title_date = ?,
                    discipline = ?, general_practitioner = ?, paediatrician = ?, version = version + 1, updated_at = ?
                where id = ? and version = ?""")
                .params(Arrays.asList(c.name(), Rows.id(c.institutionId()), Rows.name(c.profession()), Rows.name(c.title()), c.titleDate(),
                        c.discipline(), Check.flag(c.generalPractitioner()), Check.flag(c.paediatrician()),
                        Rows.ts(now), id, expectedVersion))
                .update() > 0;
    }

    List<StudyPeriodView> studyPeriods(UUID practitionerId) {
        return jdbc.sql("select * from registry_study_period where practitioner_id = ? order by start_date, id")
                .param(practitionerId).query((rs, n) -> studyPeriod(rs)).list();
    }

    List<StudyPeriodView> allStudyPeriods() {
        return jdbc.sql("select * from registry_study_period order by practitioner_id, start_date, id")
                .query((rs, n) -> studyPeriod(rs)).list();
    }

    void insertStudyPeriod(UUID id, UUID practitionerId, RecordStudyPeriod c, Instant now, String user) {
        jdbc.sql("""
                insert into registry_study_period (id, practitioner_id, host_institution_id, start_date, end_date, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, practitionerId, Rows.id(c.hostInstitutionId()), c.startDate(), c.endDate(), Rows.ts(now), user))
                .update();
    }

    private static PractitionerView practitioner(ResultSet rs) throws SQLException {
        return new PractitionerView(new PractitionerId(Rows.uuid(rs, "id")), rs.getString("name"),
                new InstitutionId(Rows.uuid(rs, "institution_id")), Profession.valueOf(rs.getString("profession")),
                Title.valueOf(rs.getString("title")), Rows.date(rs, "title_date"), rs.getString("discipline"),
                rs.getBoolean("general_practitioner"), rs.getBoolean("paediatrician"), rs.getLong("version"),
                Rows.instant(rs, "updated_at"));
    }

    private static StudyPeriodView studyPeriod(ResultSet rs) throws SQLException {
        return new StudyPeriodView(Rows.uuid(rs, "id"), new PractitionerId(Rows.uuid(rs, "practitioner_id")),
                new InstitutionId(Rows.uuid(rs, "host_institution_id")), Rows.date(rs, "start_date"),
                Rows.date(rs, "end_date"));
    }
}
