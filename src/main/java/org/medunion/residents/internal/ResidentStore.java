package org.medunion.residents.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.MatchBasis;
import org.medunion.residents.RecordLink;
import org.medunion.residents.Sex;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for residents, their record links and possible duplicates. */
@Repository
class ResidentStore {

    static final String COLUMNS = "r.id, r.id_number, r.name, r.sex, r.birth_date, r.phone, r.district_code, "
            + "r.source_institution, r.created_at, r.version, r.updated_at";

    static final RowMapper<ResidentRow> ROWS = (rs, n) -> new ResidentRow(rs.getObject("id", UUID.class),
            rs.getString("id_number"), rs.getString("name"),
            Objects.requireNonNull(Sex.fromCode(rs.getString("sex")), "sex holds a GB/T 2261.1 code"),
            rs.getDate("birth_date").toLocalDate(), rs.getString("phone"), rs.getString("district_code"),
            rs.getObject("source_institution", UUID.class), rs.getTimestamp("created_at").toInstant(),
            rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ResidentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** One row of residents_resident; {@code updatedAt} moves with {@code version} (FHIR meta). */
    record ResidentRow(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, @Nullable String phone,
                       String districtCode, @Nullable UUID sourceInstitution, Instant createdAt, long version, Instant updatedAt) {

        /** A new resident, registered at {@code at}. */
        ResidentRow(UUID id, String idNumber, String name, Sex sex, LocalDate birthDate, @Nullable String phone,
                    String districtCode, @Nullable UUID sourceInstitution, Instant at) {
            this(id, idNumber, name, sex, birthDate, phone, districtCode, sourceInstitution, at, 0, at);
        }
    }

    /**
     * A change to residents that is not a column of their row (a record linked): a new version and time, so
     * FHIR clients synchronising by {@code _lastUpdated} or comparing {@code meta.versionId} see it.
     */
    void touch(Collection<UUID> ids, Instant at) {
        if (!ids.isEmpty()) {
            jdbc.sql("update residents_resident set version = version + 1, updated_at = :at where id in (:ids)")
                    .param("at", Timestamp.from(at)).param("ids", ids).update();
        }
    }

    Optional<ResidentRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from residents_resident r where r.id = ?").param(id).query(ROWS).optional();
    }

    /** Locks the resident row for the rest of the transaction (one active contract per resident). */
    Optional<ResidentRow> lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from residents_resident r where r.id = ? for update").param(id)
                .query(ROWS).optional();
    }

    /** P-6: the unique index on id_number answers this. */
    Optional<ResidentRow> findByIdNumber(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from residents_resident r where r.id_number = ?").param(idNumber)
                .query(ROWS).optional();
    }

    List<ResidentRow> findByIdNumbers(Collection<String> idNumbers) {
        if (idNumbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from residents_resident r where r.id_number in (:ids)")
                .param("ids", idNumbers).query(ROWS).list();
    }

    /**
     * What a resident search asks for; null = not asked. {@code updatedFrom}/{@code updatedTo} are inclusive.
     */
    record Criteria(@Nullable String idNumber, @Nullable String namePrefix, @Nullable Instant updatedFrom,
                    @Nullable Instant updatedTo) {

        Criteria(@Nullable String idNumber, @Nullable String namePrefix) {
            this(idNumber, namePrefix, null, null);
        }
    }

    /**
     * Search by exact ID number or name prefix, limited to the residents the {@code scopeSql} predicate admits
     * (a predicate over {@code r}, with named parameters in {@code scopeParams}).
     */
    List<ResidentRow> search(String idNumber, String namePrefix, String scopeSql, Map<String, Object> scopeParams, int limit) {
        return search(new Criteria(idNumber, namePrefix), scopeSql, scopeParams, limit, 0);
    }

    /** A page of the search from {@code offset}, ordered by name and id. */
    List<ResidentRow> search(Criteria criteria, String scopeSql, Map<String, Object> scopeParams, int limit, int offset) {
        var params = new HashMap<>(scopeParams);
        var sql = new StringBuilder("select " + COLUMNS + " from residents_resident r" + where(criteria, scopeSql, params));
        sql.append(" order by r.name, r.id limit :limit offset :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params).query(ROWS).list();
    }

    /** How many residents the search admits (a page's {@code total}). */
    long count(Criteria criteria, String scopeSql, Map<String, Object> scopeParams) {
        var params = new HashMap<>(scopeParams);
        return jdbc.sql("select count(*) from residents_resident r" + where(criteria, scopeSql, params))
                .params(params).query(Long.class).single();
    }

    /**
     * The name prefix is a range of the btree {@code residents_resident_name} ({@code name >= :nameFrom and name <
     * :nameTo}, the prefix with its last code point raised by one): a {@code like} with a bound pattern is never
     * turned into an index range by PostgreSQL, so on its own it read every row (docs/benchmarks.md P-1). The
     * range is exact under code point order ("C" on PostgreSQL, V4_31; H2's default); the {@code like} stays as
     * the exact test, so the result does not depend on the collation (docs/decisions/0141).
     */
    static String where(Criteria c, String scopeSql, Map<String, Object> params) {
        var sql = new StringBuilder(" where (" + scopeSql + ")");
        if (c.idNumber() != null) {
            sql.append(" and r.id_number = :idNumber");
            params.put("idNumber", c.idNumber());
        }
        if (c.namePrefix() != null && !c.namePrefix().isEmpty()) {
            sql.append(" and r.name >= :nameFrom");
            params.put("nameFrom", c.namePrefix());
            String upper = prefixUpperBound(c.namePrefix());
            if (upper != null) {
                sql.append(" and r.name < :nameTo");
                params.put("nameTo", upper);
            }
            sql.append(" and r.name like :name escape '\\'");
            params.put("name", c.namePrefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (c.updatedFrom() != null) {
            sql.append(" and r.updated_at >= :updatedFrom");
            params.put("updatedFrom", Timestamp.from(c.updatedFrom()));
        }
        if (c.updatedTo() != null) {
            sql.append(" and r.updated_at <= :updatedTo");
            params.put("updatedTo", Timestamp.from(c.updatedTo()));
        }
        return sql.toString();
    }

    /**
     * A string above every string that starts with {@code prefix} in code point order (PostgreSQL "C") and in
     * UTF-16 code unit order (H2) alike: the prefix with its last code point raised by one (surrogates skipped);
     * null when there is none in both orders (last code point U+FFFF, the last code unit, or U+10FFFF).
     */
    static @Nullable String prefixUpperBound(String prefix) {
        int last = prefix.codePointBefore(prefix.length());
        int next = last + 1;
        if (next >= Character.MIN_SURROGATE && next <= Character.MAX_SURROGATE) {
            next = Character.MAX_SURROGATE + 1;
        }
        if (last == Character.MAX_VALUE || next > Character.MAX_CODE_POINT) {
            return null;
        }
        return prefix.substring(0, prefix.length() - Character.charCount(last)) + new String(Character.toChars(next));
    }

    boolean matches(UUID id, String scopeSql, Map<String, Object> scopeParams) {
        var params = new HashMap<>(scopeParams);
        params.put("residentId", id);
        return jdbc.sql("select count(*) from residents_resident r where r.id = :residentId and (" + scopeSql + ")")
                .params(params).query(Long.class).single() > 0;
    }

    /** Residents with the same name, birth date and sex but another ID number. */
    List<ResidentRow> demographicMatches(String name, LocalDate birthDate, Sex sex, UUID except) {
        return jdbc
                .sql("select " + COLUMNS + " from residents_resident r where r.birth_date = ? and r.sex = ? and r.name = ? and r.id <> ?")
                .params(Date.valueOf(birthDate), sex.code(), name, except).query(ROWS).list();
    }

    /** A new resident and an existing one with the same name, birth date and sex (another ID number). */
    record DemographicMatch(UUID resident, UUID other, boolean samePhone) {
    }

    /** Demographic matches of many residents at once (a bulk import checks its new rows in chunks). */
    List<DemographicMatch> demographicMatches(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select n.id, o.id, (n.phone is not null and n.phone = o.phone)
                  from residents_resident n join residents_resident o
                    on o.birth_date = n.birth_date and o.sex = n.sex and o.name = n.name and o.id <> n.id
                 where n.id in (:ids)""")
                .param("ids", ids)
                .query((rs, i) -> new DemographicMatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getBoolean(3)))
                .list();
    }

    void insert(ResidentRow r) {
        jdbc.sql("""
                insert into residents_resident (id, id_number, name, sex, birth_date, phone, district_code,
                                                source_institution, created_at, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""")
                .params(Arrays.asList(r.id(), r.idNumber(), r.name(), r.sex().code(), Date.valueOf(r.birthDate()), r.phone(),
                        r.districtCode(), r.sourceInstitution(), Timestamp.from(r.createdAt()), Timestamp.from(r.updatedAt())))
                .update();
    }

    void insertAll(List<ResidentRow> rows) {
        template.batchUpdate("""
                insert into residents_resident (id, id_number, name, sex, birth_date, phone, district_code,
                                                source_institution, created_at, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", rows, 500, (ps, r) -> {
            ps.setObject(1, r.id());
            ps.setString(2, r.idNumber());
            ps.setString(3, r.name());
            ps.setString(4, r.sex().code());
            ps.setDate(5, Date.valueOf(r.birthDate()));
            ps.setString(6, r.phone());
            ps.setString(7, r.districtCode());
            ps.setObject(8, r.sourceInstitution());
            ps.setTimestamp(9, Timestamp.from(r.createdAt()));
            ps.setTimestamp(10, Timestamp.from(r.updatedAt()));
        });
    }

    // record links

    record LinkRow(UUID residentId, UUID sourceInstitution, @Nullable String localRecordNumber, MatchBasis basis, Instant linkedAt) {
    }

    boolean hasLink(UUID residentId, UUID source, @Nullable String localRecordNumber) {
        if (localRecordNumber == null) {
            return jdbc.sql(
                    "select count(*) from residents_record_link where resident_id = ? and source_institution = ? and local_record_number is null")
                    .params(residentId, source).query(Long.class).single() > 0;
        }
        return jdbc.sql(
                "select count(*) from residents_record_link where resident_id = ? and source_institution = ? and local_record_number = ?")
                .params(residentId, source, localRecordNumber).query(Long.class).single() > 0;
    }

    void insertLink(LinkRow l) {
        jdbc.sql("""
                insert into residents_record_link (id, resident_id, source_institution, local_record_number, basis, linked_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(UUID.randomUUID(), l.residentId(), l.sourceInstitution(), l.localRecordNumber(),
                        l.basis().name(), Timestamp.from(l.linkedAt())))
                .update();
    }

    void insertLinks(List<LinkRow> rows) {
        template.batchUpdate("""
                insert into residents_record_link (id, resident_id, source_institution, local_record_number, basis, linked_at)
                values (?, ?, ?, ?, ?, ?)""", rows, 500, (ps, l) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, l.residentId());
            ps.setObject(3, l.sourceInstitution());
            ps.setString(4, l.localRecordNumber());
            ps.setString(5, l.basis().name());
            ps.setTimestamp(6, Timestamp.from(l.linkedAt()));
        });
    }

    Map<UUID, List<RecordLink>> links(Collection<UUID> residentIds) {
        var out = new HashMap<UUID, List<RecordLink>>();
        if (residentIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select resident_id, source_institution, local_record_number, basis, linked_at from residents_record_link
                 where resident_id in (:ids) order by linked_at, id""")
                .param("ids", residentIds)
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject("resident_id", UUID.class), k -> new ArrayList<>())
                            .add(new RecordLink(new InstitutionId(rs.getObject("source_institution", UUID.class)),
                                    rs.getString("local_record_number"), MatchBasis.valueOf(rs.getString("basis")),
                                    rs.getTimestamp("linked_at").toInstant()));
                });
        return out;
    }

    // possible duplicates

    void insertPossibleDuplicate(UUID a, UUID b, String reason, Instant at) {
        UUID first = a.compareTo(b) < 0 ? a : b;
        UUID second = first.equals(a) ? b : a;
        long exists = jdbc.sql("select count(*) from residents_possible_duplicate where resident_a = ? and resident_b = ?")
                .params(first, second).query(Long.class).single();
        if (exists == 0) {
            jdbc.sql("""
                    insert into residents_possible_duplicate (id, resident_a, resident_b, reason, status, detected_at)
                    values (?, ?, ?, ?, 'OPEN', ?)""")
                    .params(UUID.randomUUID(), first, second, reason, Timestamp.from(at)).update();
        }
    }

    record DuplicateRow(UUID a, UUID b, String reason) {
    }

    List<DuplicateRow> openDuplicates(int limit) {
        return jdbc.sql(
                "select resident_a, resident_b, reason from residents_possible_duplicate where status = 'OPEN' order by detected_at desc limit ?")
                .param(limit)
                .query((rs, n) -> new DuplicateRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
    }

    List<UUID> duplicatesOf(UUID residentId) {
        return jdbc.sql("""
                select case when resident_a = ? then resident_b else resident_a end from residents_possible_duplicate
                 where status = 'OPEN' and (resident_a = ? or resident_b = ?)""")
                .params(residentId, residentId, residentId).query(UUID.class).list();
    }

    long count() {
        return jdbc.sql("select count(*) from residents_resident").query(Long.class).single();
    }

    long countOpenDuplicates() {
        return jdbc.sql("select count(*) from residents_possible_duplicate where status = 'OPEN'").query(Long.class).single();
    }
}
