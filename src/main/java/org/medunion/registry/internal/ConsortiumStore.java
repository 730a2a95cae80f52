package org.medunion.registry.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GovernanceType;
import org.medunion.registry.GridId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.shared.ChangeWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Consortia with their centres, grids and memberships (ended, never deleted). */
@Repository
class ConsortiumStore {

    private final JdbcClient jdbc;

    ConsortiumStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ConsortiumView> find(UUID id) {
        return query(" and c.id = ?", List.of(id)).stream().findFirst();
    }

    /** {@link #query(String, List)} of the consortia last changed within the window. */
    List<ConsortiumView> query(String where, List<Object> params, ChangeWindow changed) {
        var sql = new StringBuilder(where);
        var all = new ArrayList<>(params);
        changed.appendTo(sql, all, "c.updated_at");
        return query(sql.toString(), all);
    }

    /** Consortia matching {@code where} (conditions on alias {@code c}, each prefixed with " and "). */
    List<ConsortiumView> query(String where, List<Object> params) {
        var rows = jdbc.sql("select c.* from registry_consortium c where 1=1" + where + " order by c.district_code, c.name, c.id")
                .params(params).query((rs, n) -> consortium(rs)).list();
        return withChildren(rows);
    }

    /** The few columns access checks need, without members. */
    Optional<Header> header(UUID id) {
        return jdbc.sql("select id, name, district_code, active from registry_consortium where id = ?").param(id)
                .query((rs, n) -> new Header(Rows.uuid(rs, "id"), rs.getString("name"), rs.getString("district_code"),
                        rs.getBoolean("active")))
                .optional();
    }

    record Header(UUID id, String name, String districtCode, boolean active) {
    }

    boolean nameTaken(String name) {
        return jdbc.sql("select count(*) from registry_consortium where name = ?").param(name).query(Long.class).single() > 0;
    }

    void insert(UUID id, FormConsortium c, Instant now, String user) {
        jdbc.sql("""
                insert into registry_consortium (id, name, form, tight, governance, district_code, established_on, active,
                    cross_province, owner_approved_on, management_office, quality_control_group, version, created_at,
                    created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, true, ?, ?, ?, ?, 0, ?, ?, ?)""")
                .params(Arrays.asList(id, c.name(), c.form().name(), Check.flag(c.tight()), Rows.name(c.governance()), c.districtCode(),
                        c.establishedOn(), Check.flag(c.crossProvince()), c.ownerApprovedOn(),
                        Check.flag(c.managementOffice()), Check.flag(c.qualityControlGroup()), Rows.ts(now), user,
                        Rows.ts(now)))
                .update();
        List<String> centres = c.centres() == null ? List.of() : c.centres();
        for (int i = 0; i < centres.size(); i++) {
            jdbc.sql("insert into registry_consortium_centre (consortium_id, position, centre) values (?, ?, ?)")
                    .params(id, i, centres.get(i)).update();
        }
        for (GridId grid : c.gridIds() == null ? List.<GridId>of() : c.gridIds()) {
            jdbc.sql("insert into registry_consortium_grid (consortium_id, grid_id) values (?, ?)").params(id, grid.value()).update();
        }
    }

    /** Bumps the version of a consortium whose relations changed. */
    void touch(UUID id, Instant now) {
        jdbc.sql("update registry_consortium set version = version + 1, updated_at = ? where id = ?").params(Rows.ts(now), id).update();
    }

    void dissolve(UUID id, LocalDate on, String reason, Instant now) {
        jdbc.sql("""
                update registry_consortium set active = false, dissolved_on = ?, dissolution_reason = ?, version = version + 1,
                    updated_at = ? where id = ?""").params(on, reason, Rows.ts(now), id).update();
        jdbc.sql("update registry_membership set end_date = ?, end_reason = ?, updated_at = ? "
                + "where consortium_id = ? and end_date is null").params(on, reason, Rows.ts(now), id).update();
    }

    void insertMembership(UUID id, UUID consortiumId, NewMember m, Instant now, String user) {
        jdbc.sql("""
                insert into registry_membership (id, consortium_id, institution_id, role, basis, start_date, lead_discipline,
                    created_at, created_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, consortiumId, m.institutionId().value(), m.role().name(), m.basis().name(), m.startDate(),
                        m.leadDiscipline(), Rows.ts(now), user, Rows.ts(now)))
                .update();
    }

    void endMembership(UUID id, LocalDate endDate, @Nullable String reason, Instant now) {
        jdbc.sql("update registry_membership set end_date = ?, end_reason = ?, updated_at = ? where id = ?")
                .params(Arrays.asList(endDate, reason, Rows.ts(now), id)).update();
    }

    /** Memberships of the consortia matching {@code consortiumWhere} (alias {@code c}), changed within the window. */
    List<MembershipView> memberships(String consortiumWhere, List<Object> params, ChangeWindow changed) {
        var sql = new StringBuilder("select m.* from registry_membership m where m.consortium_id in (select c.id from"
                + " registry_consortium c where 1=1" + consortiumWhere + ")");
        var all = new ArrayList<>(params);
        changed.appendTo(sql, all, "m.updated_at");
        return jdbc.sql(sql + " order by m.consortium_id, m.start_date, m.created_at, m.id").params(all)
                .query((rs, n) -> membership(rs)).list();
    }

    /** IDs of the consortia an institution is (still) a member of. */
    List<UUID> consortiaOf(UUID institutionId) {
        return jdbc.sql("select consortium_id from registry_membership where institution_id = ? and end_date is null")
                .param(institutionId).query(UUID.class).list();
    }

    private static ConsortiumView consortium(ResultSet rs) throws SQLException {
        return new ConsortiumView(new ConsortiumId(Rows.uuid(rs, "id")), rs.getString("name"),
                ConsortiumForm.valueOf(rs.getString("form")), rs.getBoolean("tight"),
                Rows.enumOf(GovernanceType.class, rs.getString("governance")), rs.getString("district_code"), List.of(),
                rs.getBoolean("active"), Rows.date(rs, "established_on"), Rows.date(rs, "dissolved_on"),
                rs.getBoolean("cross_province"), Rows.date(rs, "owner_approved_on"), rs.getBoolean("management_office"),
                rs.getBoolean("quality_control_group"), List.of(), List.of(), rs.getLong("version"),
                Rows.instant(rs, "updated_at"));
    }

    private List<ConsortiumView> withChildren(List<ConsortiumView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(r -> r.id().value()).toList();
        Map<UUID, List<String>> centres = new LinkedHashMap<>();
        Rows.inChunks(ids, chunk -> jdbc.sql("select consortium_id, centre from registry_consortium_centre where consortium_id in ("
                + Rows.placeholders(chunk.size()) + ") order by consortium_id, position")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "consortium_id"), rs.getString("centre"))).list())
                .forEach(e -> centres.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<GridId>> grids = new LinkedHashMap<>();
        Rows.inChunks(ids, chunk -> jdbc.sql("select consortium_id, grid_id from registry_consortium_grid where consortium_id in ("
                + Rows.placeholders(chunk.size()) + ") order by consortium_id, grid_id")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "consortium_id"), new GridId(Rows.uuid(rs, "grid_id")))).list())
                .forEach(e -> grids.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<MembershipView>> members = new LinkedHashMap<>();
        Rows.inChunks(ids, chunk -> jdbc.sql("select * from registry_membership where consortium_id in ("
                + Rows.placeholders(chunk.size()) + ") order by consortium_id, start_date, created_at, id")
                .params(new ArrayList<Object>(chunk)).query((rs, n) -> membership(rs)).list())
                .forEach(m -> members.computeIfAbsent(m.consortiumId().value(), k -> new ArrayList<>()).add(m));
        return rows.stream().map(r -> new ConsortiumView(r.id(), r.name(), r.form(), r.tight(), r.governance(),
                r.districtCode(), List.copyOf(grids.getOrDefault(r.id().value(), List.of())), r.active(),
                r.establishedOn(), r.dissolvedOn(), r.crossProvince(), r.ownerApprovedOn(), r.managementOffice(),
                r.qualityControlGroup(), List.copyOf(centres.getOrDefault(r.id().value(), List.of())),
                List.copyOf(members.getOrDefault(r.id().value(), List.of())), r.version(), r.updatedAt())).toList();
    }

    private static MembershipView membership(ResultSet rs) throws SQLException {
        return new MembershipView(Rows.uuid(rs, "id"), new ConsortiumId(Rows.uuid(rs, "consortium_id")),
                new InstitutionId(Rows.uuid(rs, "institution_id")), MembershipRole.valueOf(rs.getString("role")),
                MembershipBasis.valueOf(rs.getString("basis")), Rows.date(rs, "start_date"), Rows.date(rs, "end_date"),
                rs.getString("lead_discipline"), Rows.instant(rs, "updated_at"));
    }
}
