package org.medunion.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * 医疗联合体建设报告表 (SH-10): insert and read only. There is deliberately no update or delete here;
 * on PostgreSQL a trigger refuses them too.
 */
@Repository
class ChangeReportStore {

    static final String RECIPIENT_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    ChangeReportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next number of the report sequence (gap-free only when no change rolls back after taking one). */
    long nextNumber() {
        return jdbc.sql("select nextval('registry_change_report_seq')").query(Long.class).single();
    }

    void insert(ChangeReportView r, ConsortiumForm form) {
        jdbc.sql("""
                insert into registry_change_report (id, number, consortium_id, consortium_name, consortium_form, change_type,
                    reporting_institution_id, recipients, summary, snapshot, reported_at, reported_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(r.id(), r.number(), r.consortiumId().value(), r.consortiumName(), form.name(),
                        r.changeType().name(), r.reportingInstitution() == null ? null : r.reportingInstitution().value(),
                        String.join(RECIPIENT_SEPARATOR, r.recipients()), r.summary(), r.snapshot(),
                        Rows.ts(r.reportedAt()), r.reportedBy()))
                .update();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select * from registry_change_report where id = ?").param(id).query((rs, n) -> stored(rs)).optional();
    }

    /** Reports matching {@code where} (conditions on alias {@code r}, prefixed with " and "), oldest first. */
    List<Stored> query(String where, List<Object> params) {
        return jdbc.sql("select r.* from registry_change_report r where 1=1" + where + " order by r.reported_at, r.number")
                .params(new ArrayList<>(params)).query((rs, n) -> stored(rs)).list();
    }

    /** A report with the consortium form it was filed under (for the 形式 column of the export). */
    record Stored(ChangeReportView view, ConsortiumForm form) {
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        UUID reporting = Rows.uuid(rs, "reporting_institution_id");
        return new Stored(new ChangeReportView(Rows.uuid(rs, "id"), rs.getString("number"),
                new ConsortiumId(Rows.uuid(rs, "consortium_id")), rs.getString("consortium_name"),
                ChangeType.valueOf(rs.getString("change_type")), reporting == null ? null : new InstitutionId(reporting),
                Arrays.stream(rs.getString("recipients").split(RECIPIENT_SEPARATOR)).filter(s -> !s.isBlank()).toList(),
                rs.getString("summary"), rs.getString("snapshot"), Rows.instant(rs, "reported_at"),
                rs.getString("reported_by")), ConsortiumForm.valueOf(rs.getString("consortium_form")));
    }
}
