package org.medunion.registry.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.Affiliation;
import org.medunion.registry.GridId;
import org.medunion.registry.HospitalGrade;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionOrder;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.KeySpecialtyLevel;
import org.medunion.registry.Ownership;
import org.medunion.registry.RegisterInstitution;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Institutions with their campuses and key specialties. */
@Repository
class InstitutionStore {

    private final JdbcClient jdbc;

    InstitutionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<InstitutionView> find(UUID id) {
        return query(" and i.id = ?", List.of(id), 0, 1).stream().findFirst();
    }

    Optional<InstitutionView> findByCreditCode(String code) {
        return query(" and i.credit_code = ?", List.of(code), 0, 1).stream().findFirst();
    }

    boolean exists(UUID id) {
        return jdbc.sql("select count(*) from registry_institution where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** IDs of the institutions whose district code starts with the prefix (a division and what it covers). */
    List<UUID> idsInDistricts(String prefix) {
        return jdbc.sql("select id from registry_institution where district_code like ?").param(prefix + "%")
                .query(UUID.class).list();
    }

    @Nullable
    String districtOf(UUID id) {
        return jdbc.sql("select district_code from registry_institution where id = ?").param(id).query(String.class)
                .optional().orElse(null);
    }

    /** Name, affiliation, owner and district of institutions, in one query per chunk of IDs. */
    Map<UUID, Brief> briefs(Collection<UUID> ids) {
        Map<UUID, Brief> briefs = new LinkedHashMap<>();
        Rows.inChunks(new LinkedHashSet<>(ids), chunk -> jdbc.sql(
                "select id, name, affiliation, owner_body, district_code from registry_institution where id in ("
                        + Rows.placeholders(chunk.size()) + ")")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> new Brief(Rows.uuid(rs, "id"), rs.getString("name"),
                        Affiliation.valueOf(rs.getString("affiliation")), rs.getString("owner_body"),
                        rs.getString("district_code")))
                .list())
                .forEach(b -> briefs.put(b.id(), b));
        return briefs;
    }

    record Brief(UUID id, String name, Affiliation affiliation, String ownerBody, String districtCode) {
    }

    boolean creditCodeTaken(@Nullable String code) {
        return jdbc.sql("select count(*) from registry_institution where credit_code = ?").param(code)
                .query(Long.class).single() > 0;
    }

    boolean creditCodeTaken(@Nullable String code, UUID exceptId) {
        return jdbc.sql("select count(*) from registry_institution where credit_code = ? and id <> ?")
                .params(Arrays.asList(code, exceptId)).query(Long.class).single() > 0;
    }

    /** Institutions matching {@code where} (conditions on alias {@code i}, each prefixed with " and "). */
    List<InstitutionView> query(String where, List<Object> params, int offset, int limit) {
        return query(where, params, offset, limit, null, false);
    }

    /** A page in the given order; ties are broken by name and id, so pages never overlap. */
    List<InstitutionView> query(String where, List<Object> params, int offset, int limit, @Nullable InstitutionOrder order,
                                boolean descending) {
        String dir = descending ? " desc" : "";
        String orderBy = switch (order == null ? InstitutionOrder.DISTRICT : order) {
            case DISTRICT -> "i.district_code" + dir + ", i.name";
            case NAME -> "i.name" + dir;
            // within a level 甲 before 乙 either way: "highest level first" means 三级甲等 on top
            case LEVEL -> "i.level" + dir + ", i.grade, i.name";
        };
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        all.add(offset);
        var rows = jdbc.sql("select i.* from registry_institution i where 1=1" + where
                + " order by " + orderBy + ", i.id limit ? offset ?")
                .params(all).query((rs, n) -> new InstitutionView(new InstitutionId(Rows.uuid(rs, "id")),
                        rs.getString("name"), rs.getString("credit_code"),
                        Rows.requiredEnum(InstitutionCategory.class, rs.getString("category")),
                        Rows.requiredEnum(HospitalLevel.class, rs.getString("level")),
                        Rows.enumOf(HospitalGrade.class, rs.getString("grade")),
                        Rows.enumOf(Ownership.class, rs.getString("ownership")), rs.getString("owner_body"),
                        Rows.enumOf(Affiliation.class, rs.getString("affiliation")), rs.getBoolean("tcm"),
                        rs.getString("district_code"),
                        Rows.uuid(rs, "grid_id") == null ? null : new GridId(Rows.uuid(rs, "grid_id")),
                        Rows.uuid(rs, "parent_id") == null ? null : new InstitutionId(Rows.uuid(rs, "parent_id")),
                        rs.getBoolean("regional_medical_centre"), rs.getString("address"), List.of(), List.of(),
                        rs.getLong("version"), Rows.instant(rs, "updated_at")))
                .list();
        return withChildren(rows);
    }

    long count(String where, List<Object> params) {
        return jdbc.sql("select count(*) from registry_institution i where 1=1" + where).params(params)
                .query(Long.class).single();
    }

    void insert(UUID id, RegisterInstitution c, Instant now, String user) {
        jdbc.sql("""
                insert into registry_institution (id, name, credit_code, category, level, grade, ownership, owner_body,
                    affiliation, tcm, district_code, grid_id, parent_id, regional_medical_centre, address, version,
                    created_at, created_by, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, c.name(), c.creditCode(), Rows.name(c.category()), Rows.name(c.level()), Rows.name(c.grade()),
                        Rows.name(c.ownership()), c.ownerBody(), Rows.name(c.affiliation()), Check.flag(c.tcm()),
                        c.districtCode(), c.gridId() == null ? null : c.gridId().value(),
                        c.parentId() == null ? null : c.parentId().value(), Check.flag(c.regionalMedicalCentre()),
                        c.address(), Rows.ts(now), user, Rows.ts(now), user))
                .update();
        insertChildren(id, c);
    }

    /** Returns false when the version did not match (someone else changed the institution). */
    boolean update(UUID id, long expectedVersion, RegisterInstitution c, Instant now, String user) {
        int n = jdbc.sql("""
                update registry_institution set name = ?, credit_code = ?, category = ?, level = ?, grade = ?, ownership = ?,
                    owner_body = ?, affiliation = ?, tcm = ?, district_code = ?, grid_id = ?, parent_id = ?,
                    regional_medical_centre = ?, address = ?, version = version + 1, updated_at = ?, updated_by = ?
                where id = ? and version = ?""")
                .params(Arrays.asList(c.name(), c.creditCode(), Rows.name(c.category()), Rows.name(c.level()), Rows.name(c.grade()),
                        Rows.name(c.ownership()), c.ownerBody(), Rows.name(c.affiliation()), Check.flag(c.tcm()),
                        c.districtCode(), c.gridId() == null ? null : c.gridId().value(),
                        c.parentId() == null ? null : c.parentId().value(), Check.flag(c.regionalMedicalCentre()),
                        c.address(), Rows.ts(now), user, id, expectedVersion))
                .update();
        if (n == 0) {
            return false;
        }
        jdbc.sql("delete from registry_institution_campus where institution_id = ?").param(id).update();
        jdbc.sql("delete from registry_institution_key_specialty where institution_id = ?").param(id).update();
        insertChildren(id, c);
        return true;
    }

    private void insertChildren(UUID id, RegisterInstitution c) {
        List<InstitutionView.Campus> campuses = c.campuses() == null ? List.of() : c.campuses();
        for (int i = 0; i < campuses.size(); i++) {
            var campus = campuses.get(i);
            jdbc.sql(
                    "insert into registry_institution_campus (institution_id, position, district_code, name, planned) values (?, ?, ?, ?, ?)")
                    .params(Arrays.asList(id, i, campus.districtCode(), campus.name(), campus.planned())).update();
        }
        List<InstitutionView.KeySpecialty> specialties = c.keySpecialties() == null ? List.of() : c.keySpecialties();
        for (int i = 0; i < specialties.size(); i++) {
            var s = specialties.get(i);
            jdbc.sql("insert into registry_institution_key_specialty (institution_id, position, discipline, level) values (?, ?, ?, ?)")
                    .params(Arrays.asList(id, i, s.discipline(), Rows.name(s.level()))).update();
        }
    }

    private List<InstitutionView> withChildren(List<InstitutionView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<UUID> ids = rows.stream().map(r -> r.id().value()).toList();
        Map<UUID, List<InstitutionView.Campus>> campuses = new LinkedHashMap<>();
        Rows.inChunks(ids, chunk -> jdbc.sql("select * from registry_institution_campus where institution_id in ("
                + Rows.placeholders(chunk.size()) + ") order by institution_id, position")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "institution_id"), new InstitutionView.Campus(
                        rs.getString("district_code"), rs.getString("name"), rs.getBoolean("planned"))))
                .list())
                .forEach(e -> campuses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<InstitutionView.KeySpecialty>> specialties = new LinkedHashMap<>();
        Rows.inChunks(ids, chunk -> jdbc.sql("select * from registry_institution_key_specialty where institution_id in ("
                + Rows.placeholders(chunk.size()) + ") order by institution_id, position")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "institution_id"), new InstitutionView.KeySpecialty(
                        rs.getString("discipline"), KeySpecialtyLevel.valueOf(rs.getString("level")))))
                .list())
                .forEach(e -> specialties.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return rows.stream().map(r -> new InstitutionView(r.id(), r.name(), r.creditCode(), r.category(), r.level(),
                r.grade(), r.ownership(), r.ownerBody(), r.affiliation(), r.tcm(), r.districtCode(), r.gridId(),
                r.parentId(), r.regionalMedicalCentre(), r.address(),
                List.copyOf(campuses.getOrDefault(r.id().value(), List.of())),
                List.copyOf(specialties.getOrDefault(r.id().value(), List.of())), r.version(), r.updatedAt())).toList();
    }
}
