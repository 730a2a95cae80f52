package org.medunion.residents.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.FamilyDoctorTeamSource;
import org.medunion.registry.InstitutionId;
import org.medunion.residents.ContractId;
import org.medunion.residents.ContractService;
import org.medunion.residents.ContractStatus;
import org.medunion.residents.ContractView;
import org.medunion.residents.PriorityGroup;
import org.medunion.residents.ResidentId;
import org.medunion.residents.TeamId;
import org.medunion.shared.Slice;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for "1+1+1" contracts with their priority groups and services. */
@Repository
class ContractStore {

    private static final String COLUMNS = "c.id, c.resident_id, c.team_id, c.primary_institution_id, c.district_hospital_id, "
            + "c.municipal_hospital_id, c.start_date, c.end_date, c.status, c.end_reason, c.renewed_from, c.version, c.updated_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ContractStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<ContractView> contracts, Instant at) {
        template.batchUpdate("""
                insert into residents_contract (id, resident_id, team_id, primary_institution_id, district_hospital_id,
                    municipal_hospital_id, start_date, end_date, status, end_reason, renewed_from, created_at, version,
                    updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)""", contracts, 500, (ps, c) -> {
            ps.setObject(1, c.id().value());
            ps.setObject(2, c.residentId().value());
            ps.setObject(3, c.teamId().value());
            ps.setObject(4, c.primaryInstitutionId().value());
            ps.setObject(5, c.districtHospitalId().value());
            ps.setObject(6, c.municipalHospitalId().value());
            ps.setDate(7, Date.valueOf(c.startDate()));
            ps.setDate(8, Date.valueOf(c.endDate()));
            ps.setString(9, c.status().name());
            ps.setString(10, c.endReason());
            ps.setObject(11, c.renewedFrom() == null ? null : c.renewedFrom().value());
            ps.setTimestamp(12, Timestamp.from(at));
            ps.setTimestamp(13, Timestamp.from(at));
        });
        record Pair(UUID contract, String value) {
        }
        var groups = new ArrayList<Pair>();
        var services = new ArrayList<Pair>();
        for (ContractView c : contracts) {
            c.priorityGroups().forEach(g -> groups.add(new Pair(c.id().value(), g.name())));
            c.services().forEach(s -> services.add(new Pair(c.id().value(), s.name())));
        }
        template.batchUpdate("insert into residents_contract_priority_group (contract_id, priority_group) values (?, ?)",
                groups, 500, (ps, p) -> {
                    ps.setObject(1, p.contract());
                    ps.setString(2, p.value());
                });
        template.batchUpdate("insert into residents_contract_service (contract_id, service) values (?, ?)",
                services, 500, (ps, p) -> {
                    ps.setObject(1, p.contract());
                    ps.setString(2, p.value());
                });
    }

    /** Marks a contract RENEWED or ENDED at {@code at}; version-checked. */
    int updateStatus(UUID id, long expectedVersion, ContractStatus status, LocalDate endDate, @Nullable String reason,
                     Instant at) {
        return jdbc.sql("""
                update residents_contract set status = ?, end_date = ?, end_reason = ?, version = version + 1, updated_at = ?
                 where id = ? and version = ?""")
                .params(Arrays.asList(status.name(), Date.valueOf(endDate), reason, Timestamp.from(at), id, expectedVersion))
                .update();
    }

    Optional<ContractView> find(UUID id) {
        return load("c.id = :p", Map.of("p", id)).stream().findFirst();
    }

    List<ContractView> ofResident(UUID residentId) {
        return load("c.resident_id = :p", Map.of("p", residentId));
    }

    List<ContractView> ofResidents(Collection<UUID> residentIds) {
        if (residentIds.isEmpty()) {
            return List.of();
        }
        return load("c.resident_id in (:p)", Map.of("p", residentIds));
    }

    List<ContractView> ofInstitution(UUID institutionId) {
        return load("c.primary_institution_id = :p or c.district_hospital_id = :p or c.municipal_hospital_id = :p",
                Map.of("p", institutionId));
    }

    List<ContractView> ofTeam(UUID teamId) {
        return load("c.team_id = :p", Map.of("p", teamId));
    }

    /** ACTIVE contracts of a resident ending on or after {@code from} (the one-active-contract rule). */
    List<ContractView> activeFrom(UUID residentId, LocalDate from) {
        return load("c.resident_id = :p and c.status = 'ACTIVE' and c.end_date >= :d", Map.of("p", residentId, "d", Date.valueOf(from)));
    }

    Optional<ContractView> covering(UUID residentId, LocalDate date) {
        return load("c.resident_id = :p and c.status <> 'ENDED' and c.start_date <= :d and c.end_date >= :d",
                Map.of("p", residentId, "d", Date.valueOf(date))).stream().findFirst();
    }

    long countCovering(LocalDate date) {
        return jdbc.sql("select count(*) from residents_contract where status <> 'ENDED' and start_date <= ? and end_date >= ?")
                .params(Date.valueOf(date), Date.valueOf(date)).query(Long.class).single();
    }

    Map<PriorityGroup, Long> countCoveringByGroup(LocalDate date) {
        var out = new EnumMap<PriorityGroup, Long>(PriorityGroup.class);
        jdbc.sql("""
                select g.priority_group, count(*) from residents_contract c
                  join residents_contract_priority_group g on g.contract_id = c.id
                 where c.status <> 'ENDED' and c.start_date <= ? and c.end_date >= ? group by g.priority_group""")
                .params(Date.valueOf(date), Date.valueOf(date))
                .query((rs, n) -> out.put(PriorityGroup.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return out;
    }

    /**
     * Contracts of the teams listing the practitioner whose resident the {@code scopeSql} predicate (over
     * {@code r}) admits, changed within the inclusive range (null = open), ordered by start date and id.
     */
    Slice<ContractView> withMember(UUID practitionerId, String scopeSql, Map<String, Object> scopeParams,
                                   @Nullable Instant updatedFrom, @Nullable Instant updatedTo, int limit, int offset) {
        var params = new HashMap<String, Object>(scopeParams);
        params.put("p", practitionerId);
        var where = new StringBuilder("""
                c.team_id in (select m.team_id from residents_team_member m where m.practitioner_id = :p)
                and c.resident_id in (select r.id from residents_resident r where (""" + scopeSql + "))");
        if (updatedFrom != null) {
            where.append(" and c.updated_at >= :updatedFrom");
            params.put("updatedFrom", Timestamp.from(updatedFrom));
        }
        if (updatedTo != null) {
            where.append(" and c.updated_at <= :updatedTo");
            params.put("updatedTo", Timestamp.from(updatedTo));
        }
        long total = jdbc.sql("select count(*) from residents_contract c where " + where).params(params).query(Long.class).single();
        params.put("limit", limit);
        params.put("offset", offset);
        return new Slice<>(
                total == 0 || limit == 0 ? List.of()
                        : loadOrdered(where + " order by c.start_date, c.id limit :limit offset :offset", params),
                total);
    }

    private List<ContractView> load(String where, Map<String, Object> params) {
        return loadOrdered(where + " order by c.start_date, c.id", params);
    }

    private List<ContractView> loadOrdered(String whereAndOrder, Map<String, Object> params) {
        record Raw(UUID id, UUID resident, UUID team, UUID primary, UUID district, UUID municipal, LocalDate start,
                   LocalDate end, String status, String reason, UUID renewedFrom, long version, Instant updatedAt) {
        }
        List<Raw> raws = jdbc.sql("select " + COLUMNS + " from residents_contract c where " + whereAndOrder)
                .params(params)
                .query((rs, n) -> new Raw(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getObject(6, UUID.class),
                        rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
                        rs.getObject(11, UUID.class), rs.getLong(12), rs.getTimestamp(13).toInstant()))
                .list();
        if (raws.isEmpty()) {
            return List.of();
        }
        var ids = raws.stream().map(Raw::id).toList();
        var groups = new HashMap<UUID, EnumSet<PriorityGroup>>();
        jdbc.sql("select contract_id, priority_group from residents_contract_priority_group where contract_id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> groups.computeIfAbsent(rs.getObject(1, UUID.class), k -> EnumSet.noneOf(PriorityGroup.class))
                        .add(PriorityGroup.valueOf(rs.getString(2))))
                .list();
        var services = new HashMap<UUID, List<ContractService>>();
        jdbc.sql("select contract_id, service from residents_contract_service where contract_id in (:ids) order by service")
                .param("ids", ids)
                .query((rs, n) -> services.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(ContractService.valueOf(rs.getString(2))))
                .list();
        return raws.stream().map(r -> new ContractView(new ContractId(r.id()), new ResidentId(r.resident()),
                new TeamId(r.team()), new InstitutionId(r.primary()), new InstitutionId(r.district()),
                new InstitutionId(r.municipal()), groups.getOrDefault(r.id(), EnumSet.noneOf(PriorityGroup.class)),
                List.copyOf(services.getOrDefault(r.id(), List.of())), r.start(), r.end(), ContractStatus.valueOf(r.status()),
                r.reason(), r.renewedFrom() == null ? null : new ContractId(r.renewedFrom()), r.version(), r.updatedAt())).toList();
    }

    /**
     * Per district of the residents' address (null district left out): the residents with a contract declaring the group
     * that started on or before {@code day}, and how many of them hold a contract (any) in force on {@code day}.
     */
    Map<String, FamilyDoctorTeamSource.GroupCoverage> groupCoverage(PriorityGroup group, LocalDate day) {
        Map<String, FamilyDoctorTeamSource.GroupCoverage> out = new TreeMap<>();
        jdbc.sql("""
                select r.district_code, count(distinct r.id) as residents,
                       count(distinct case when f.id is not null then r.id end) as contracted
                  from residents_resident r
                  join residents_contract c on c.resident_id = r.id and c.start_date <= :day
                  join residents_contract_priority_group g on g.contract_id = c.id and g.priority_group = :grp
                  left join residents_contract f on f.resident_id = r.id and f.status <> 'ENDED'
                       and f.start_date <= :day and f.end_date >= :day
                 where r.district_code is not null
                 group by r.district_code""")
                .param("day", day).param("grp", group.name())
                .query((rs, n) -> Map.entry(rs.getString("district_code"),
                        new FamilyDoctorTeamSource.GroupCoverage(rs.getLong("residents"), rs.getLong("contracted"))))
                .list().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
