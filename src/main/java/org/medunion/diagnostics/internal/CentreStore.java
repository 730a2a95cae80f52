package org.medunion.diagnostics.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreType;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.QcLevel;
import org.medunion.diagnostics.QcView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Shared centres with their members and turnaround targets, and QC records per institution and item. */
@Component
class CentreStore {

    private final JdbcClient jdbc;

    CentreStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveCentre(CentreView c, String by, Instant now) {
        jdbc.sql("""
                insert into diagnostics_centre (id, consortium_id, institution_id, centre_type, name, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(c.id().value(), c.consortiumId(), c.institutionId(), c.type().name(), c.name(), by, Timestamp.from(now))
                .update();
        for (UUID m : c.members()) {
            jdbc.sql("insert into diagnostics_centre_member (centre_id, institution_id) values (?, ?)").params(c.id().value(), m).update();
        }
        c.turnaroundHours().forEach((kind, hours) -> jdbc.sql(
                "insert into diagnostics_centre_turnaround (centre_id, kind, hours) values (?, ?, ?)")
                .params(c.id().value(), kind.name(), hours).update());
    }

    /** Centres without names filled in (the caller adds the institution's name). */
    List<Row> centres(@Nullable UUID consortium) {
        return consortium == null
                ? jdbc.sql("select * from diagnostics_centre order by created_at").query(this::row).list()
                : jdbc.sql("select * from diagnostics_centre where consortium_id = ? order by created_at").param(consortium)
                        .query(this::row).list();
    }

    Optional<Row> centre(UUID id) {
        return jdbc.sql("select * from diagnostics_centre where id = ?").param(id).query(this::row).optional();
    }

    /** Centres run by the institution. */
    List<UUID> runBy(UUID institution) {
        return jdbc.sql("select id from diagnostics_centre where institution_id = ?").param(institution).query(UUID.class).list();
    }

    record Row(CentreId id, UUID consortiumId, UUID institutionId, CentreType type, String name, List<UUID> members,
               Map<ItemKind, Integer> turnaroundHours) {
    }

    private Row row(ResultSet rs, int n) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<UUID> members = jdbc.sql("select institution_id from diagnostics_centre_member where centre_id = ?").param(id)
                .query(UUID.class).list();
        Map<ItemKind, Integer> tat = new EnumMap<>(ItemKind.class);
        jdbc.sql("select kind, hours from diagnostics_centre_turnaround where centre_id = ?").param(id)
                .query((r, i) -> tat.put(ItemKind.valueOf(r.getString("kind")), r.getInt("hours"))).list();
        return new Row(new CentreId(id), rs.getObject("consortium_id", UUID.class), rs.getObject("institution_id", UUID.class),
                CentreType.valueOf(rs.getString("centre_type")), rs.getString("name"), members, tat);
    }

    void saveQc(QcView q, String by, Instant now) {
        jdbc.sql("""
                insert into diagnostics_qc (id, institution_id, item_code, passed, level, scope_label, valid_from, valid_until,
                                            recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(q.id(), q.institutionId(), q.itemCode(), q.passed(), q.level().name(), q.scopeLabel(),
                        Date.valueOf(q.validFrom()), Date.valueOf(q.validUntil()), by, Timestamp.from(now))
                .update();
    }

    List<QcView> qc(UUID institution) {
        return jdbc.sql("select * from diagnostics_qc where institution_id = ? order by item_code, valid_from desc").param(institution)
                .query(CentreStore::qc).list();
    }

    Optional<QcView> qcRecord(UUID id) {
        return jdbc.sql("select * from diagnostics_qc where id = ?").param(id).query(CentreStore::qc).optional();
    }

    List<QcView> qc(UUID institution, String item) {
        return jdbc.sql("select * from diagnostics_qc where institution_id = ? and item_code = ? order by valid_from desc")
                .params(institution, item).query(CentreStore::qc).list();
    }

    /**
     * The QC records of several institutions for one item, newest first, every institution asked for present (an
     * empty list when it has none): the ordering institution and the performers of a look-up in one query (P-8).
     */
    Map<UUID, List<QcView>> qc(Collection<UUID> institutions, String item) {
        Map<UUID, List<QcView>> out = new HashMap<>();
        institutions.forEach(i -> out.put(i, new ArrayList<>()));
        if (!institutions.isEmpty()) {
            List<Object> params = new ArrayList<>(out.keySet());
            params.add(item);
            String marks = String.join(", ", Collections.nCopies(out.size(), "?"));
            jdbc.sql("select * from diagnostics_qc where institution_id in (" + marks + ") and item_code = ? order by valid_from desc")
                    .params(params).query(CentreStore::qc).list()
                    .forEach(q -> out.computeIfAbsent(q.institutionId(), k -> new ArrayList<>()).add(q));
        }
        return out;
    }

    private static QcView qc(ResultSet rs, int n) throws SQLException {
        return new QcView(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class), rs.getString("item_code"),
                rs.getBoolean("passed"), QcLevel.valueOf(rs.getString("level")), rs.getString("scope_label"),
                rs.getDate("valid_from").toLocalDate(), rs.getDate("valid_until").toLocalDate());
    }
}
