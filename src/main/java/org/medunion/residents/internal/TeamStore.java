package org.medunion.residents.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.TeamId;
import org.medunion.residents.TeamView;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for family-doctor teams and their members (GP, NURSE, SPECIALIST). */
@Repository
class TeamStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TeamStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    void insertAll(List<TeamView> teams, Instant at) {
        template.batchUpdate(
                "insert into residents_team (id, institution_id, name, active, created_at, version, updated_at) values (?, ?, ?, ?, ?, 0, ?)",
                teams, 500, (ps, t) -> {
                    ps.setObject(1, t.id().value());
                    ps.setObject(2, t.institutionId().value());
                    ps.setString(3, t.name());
                    ps.setBoolean(4, true);
                    ps.setTimestamp(5, Timestamp.from(at));
                    ps.setTimestamp(6, Timestamp.from(at));
                });
        record Member(UUID team, UUID practitioner, String role, int position) {
        }
        var members = new ArrayList<Member>();
        for (TeamView t : teams) {
            members.add(new Member(t.id().value(), t.gpPractitionerId().value(), "GP", 0));
            members.add(new Member(t.id().value(), t.nursePractitionerId().value(), "NURSE", 1));
            int i = 2;
            for (PractitionerId s : t.specialistPractitionerIds()) {
                members.add(new Member(t.id().value(), s.value(), "SPECIALIST", i++));
            }
        }
        template.batchUpdate("insert into residents_team_member (team_id, practitioner_id, member_role, position) values (?, ?, ?, ?)",
                members, 500, (ps, m) -> {
                    ps.setObject(1, m.team());
                    ps.setObject(2, m.practitioner());
                    ps.setString(3, m.role());
                    ps.setInt(4, m.position());
                });
    }

    Optional<TeamView> find(UUID id) {
        return load("where t.id = :p", Map.of("p", id)).stream().findFirst();
    }

    List<TeamView> ofInstitution(UUID institutionId) {
        return load("where t.institution_id = :p", Map.of("p", institutionId));
    }

    List<TeamView> withMember(UUID practitionerId) {
        return load("where t.id in (select m.team_id from residents_team_member m where m.practitioner_id = :p)",
                Map.of("p", practitionerId));
    }

    List<TeamView> find(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return load("where t.id in (:p)", Map.of("p", ids));
    }

    /** All active teams (one query; for the policy module's NN-5 check). */
    List<TeamView> allActive() {
        return load("where t.active", Map.of());
    }

    long count() {
        return jdbc.sql("select count(*) from residents_team where active").query(Long.class).single();
    }

    private List<TeamView> load(String where, Map<String, Object> params) {
        record Raw(UUID id, UUID institution, String name, boolean active, long version, Instant updatedAt, UUID member,
                   String role) {
        }
        List<Raw> raws = jdbc.sql("""
                select t.id, t.institution_id, t.name, t.active, t.version, t.updated_at, m.practitioner_id, m.member_role
                  from residents_team t left join residents_team_member m on m.team_id = t.id
                """ + where + " order by t.name, t.id, m.position")
                .params(params)
                .query((rs, n) -> new Raw(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getBoolean(4), rs.getLong(5), rs.getTimestamp(6).toInstant(), rs.getObject(7, UUID.class),
                        rs.getString(8)))
                .list();
        var byTeam = new LinkedHashMap<UUID, List<Raw>>();
        raws.forEach(r -> byTeam.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(r));
        var out = new ArrayList<TeamView>();
        byTeam.forEach((id, rows) -> {
            Raw first = rows.get(0);
            PractitionerId gp = null;
            PractitionerId nurse = null;
            var specialists = new ArrayList<PractitionerId>();
            for (Raw r : rows) {
                if (r.member() == null) {
                    continue;
                }
                switch (r.role()) {
                    case "GP" -> gp = new PractitionerId(r.member());
                    case "NURSE" -> nurse = new PractitionerId(r.member());
                    default -> specialists.add(new PractitionerId(r.member()));
                }
            }
            out.add(new TeamView(new TeamId(id), new InstitutionId(first.institution()), first.name(),
                    Objects.requireNonNull(gp, "every stored team has a GP"),
                    Objects.requireNonNull(nurse, "every stored team has a nurse"),
                    List.copyOf(specialists), first.active(), first.version(), first.updatedAt()));
        });
        return out;
    }
}
