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
import org.medunion.registry.AgreementTarget;
import org.medunion.registry.AgreementType;
import org.medunion.registry.AgreementView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.LogWork;
import org.medunion.registry.ManagerRole;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.TargetArea;
import org.medunion.registry.WorkLogView;
import org.medunion.shared.ChangeWindow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How members cooperate: agreements and charters, dispatched managers and experts, their work logs. */
@Repository
class CooperationStore {

    private final JdbcClient jdbc;

    CooperationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // agreements

    List<AgreementView> agreements(@Nullable UUID consortiumIdOrNull) {
        var rows = consortiumIdOrNull == null
                ? jdbc.sql("select * from registry_agreement order by consortium_id, term_start, id").query((rs, n) -> agreement(rs)).list()
                : jdbc.sql("select * from registry_agreement where consortium_id = ? order by term_start, id")
                        .param(consortiumIdOrNull).query((rs, n) -> agreement(rs)).list();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<InstitutionId>> parties = new LinkedHashMap<>();
        Rows.inChunks(rows.stream().map(AgreementView::id).toList(), chunk -> jdbc.sql(
                "select agreement_id, institution_id from registry_agreement_party where agreement_id in ("
                        + Rows.placeholders(chunk.size()) + ") order by agreement_id, position")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "agreement_id"), new InstitutionId(Rows.uuid(rs, "institution_id"))))
                .list())
                .forEach(e -> parties.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<UUID, List<AgreementTarget>> targets = targets(rows.stream().map(AgreementView::id).toList());
        return rows.stream().map(a -> new AgreementView(a.id(), a.consortiumId(), a.type(), a.title(),
                List.copyOf(parties.getOrDefault(a.id(), List.of())), a.termStart(), a.termEnd(), a.signedOn(),
                a.responsibilities(), a.rights(), a.benefits(), a.benefitSharing(), a.managerDuties(),
                targets.getOrDefault(a.id(), List.of()))).toList();
    }

    private Map<UUID, List<AgreementTarget>> targets(List<UUID> agreementIds) {
        Map<UUID, List<AgreementTarget>> out = new LinkedHashMap<>();
        Rows.inChunks(agreementIds, chunk -> jdbc.sql("select * from registry_agreement_target where agreement_id in ("
                + Rows.placeholders(chunk.size()) + ") order by agreement_id, position")
                .params(new ArrayList<Object>(chunk))
                .query((rs, n) -> Map.entry(Rows.uuid(rs, "agreement_id"), new AgreementTarget(
                        TargetArea.valueOf(rs.getString("area")), rs.getString("indicator"),
                        Rows.plain(rs.getBigDecimal("target_value")), rs.getString("unit"), Rows.date(rs, "due_by"))))
                .list())
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** The agreements naming both institutions as parties (any consortium), oldest term first. */
    List<AgreementView> agreementsBetween(UUID a, UUID b) {
        var consortia = jdbc.sql("""
                select distinct g.consortium_id from registry_agreement g
                  join registry_agreement_party x on x.agreement_id = g.id and x.institution_id = ?
                  join registry_agreement_party y on y.agreement_id = g.id and y.institution_id = ?""")
                .params(a, b).query(UUID.class).list();
        var out = new ArrayList<AgreementView>();
        for (UUID consortium : consortia) {
            agreements(consortium).stream().filter(g -> g.parties().contains(new InstitutionId(a))
                    && g.parties().contains(new InstitutionId(b))).forEach(out::add);
        }
        return out;
    }

    Optional<UUID> agreementConsortium(UUID agreementId) {
        return jdbc.sql("select consortium_id from registry_agreement where id = ?").param(agreementId).query(UUID.class).optional();
    }

    void insertAgreement(UUID id, UUID consortiumId, RecordAgreement c, Instant now, String user) {
        jdbc.sql("""
                insert into registry_agreement (id, consortium_id, type, title, term_start, term_end, signed_on,
                    responsibilities, rights, benefits, benefit_sharing, manager_duties, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, consortiumId, Rows.name(c.type()), c.title(), c.termStart(), c.termEnd(), c.signedOn(),
                        c.responsibilities(), c.rights(), c.benefits(), c.benefitSharing(), c.managerDuties(), Rows.ts(now), user))
                .update();
        for (int i = 0; i < c.targets().size(); i++) {
            AgreementTarget t = c.targets().get(i);
            jdbc.sql("insert into registry_agreement_target (agreement_id, position, area, indicator, target_value, unit, due_by)"
                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(Arrays.asList(id, i, Rows.name(t.area()), t.indicator(), t.value(), t.unit(), t.dueBy()))
                    .update();
        }
        for (int i = 0; i < c.parties().size(); i++) {
            jdbc.sql("insert into registry_agreement_party (agreement_id, position, institution_id) values (?, ?, ?)")
                    .params(id, i, c.parties().get(i).value()).update();
        }
    }

    // dispatches

    List<DispatchView> dispatches(@Nullable UUID consortiumIdOrNull) {
        return consortiumIdOrNull == null
                ? jdbc.sql("select * from registry_dispatch order by consortium_id, start_date, id").query((rs, n) -> dispatch(rs)).list()
                : jdbc.sql("select * from registry_dispatch where consortium_id = ? order by start_date, id")
                        .param(consortiumIdOrNull).query((rs, n) -> dispatch(rs)).list();
    }

    /** Dispatches of the consortia matching {@code consortiumWhere} (alias {@code c}), recorded within the window. */
    List<DispatchView> dispatchesOfConsortia(String consortiumWhere, List<Object> params, ChangeWindow changed) {
        var sql = new StringBuilder("select d.* from registry_dispatch d where d.consortium_id in (select c.id from"
                + " registry_consortium c where 1=1" + consortiumWhere + ")");
        var all = new ArrayList<>(params);
        changed.appendTo(sql, all, "d.created_at");
        return jdbc.sql(sql + " order by d.consortium_id, d.start_date, d.id").params(all).query((rs, n) -> dispatch(rs)).list();
    }

    List<DispatchView> dispatchesOf(UUID practitionerId) {
        return jdbc.sql("select * from registry_dispatch where practitioner_id = ? order by start_date, id")
                .param(practitionerId).query((rs, n) -> dispatch(rs)).list();
    }

    Optional<DispatchView> dispatch(UUID id) {
        return jdbc.sql("select * from registry_dispatch where id = ?").param(id).query((rs, n) -> dispatch(rs)).optional();
    }

    void insertDispatch(UUID id, UUID consortiumId, UUID fromInstitutionId, DispatchStaff c, Instant now, String user) {
        jdbc.sql("""
                insert into registry_dispatch (id, consortium_id, practitioner_id, from_institution_id, to_institution_id, kind,
                    manager_role, discipline, start_date, end_date, weekly_days, agreement_id, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, consortiumId, c.practitionerId().value(), fromInstitutionId, Rows.id(c.toInstitutionId()),
                        c.kind().name(), Rows.name(c.managerRole()), c.discipline(), c.startDate(), c.endDate(),
                        c.weeklyDays(), c.agreementId(), Rows.ts(now), user))
                .update();
    }

    // work logs

    List<WorkLogView> workLogs(@Nullable UUID dispatchIdOrNull) {
        return dispatchIdOrNull == null
                ? jdbc.sql("select * from registry_work_log order by dispatch_id, work_date").query((rs, n) -> workLog(rs)).list()
                : jdbc.sql("select * from registry_work_log where dispatch_id = ? order by work_date")
                        .param(dispatchIdOrNull).query((rs, n) -> workLog(rs)).list();
    }

    boolean workLogExists(UUID dispatchId, @Nullable LocalDate day) {
        return jdbc.sql("select count(*) from registry_work_log where dispatch_id = ? and work_date = ?")
                .params(Arrays.asList(dispatchId, day)).query(Long.class).single() > 0;
    }

    void insertWorkLog(UUID id, UUID dispatchId, LogWork c, double hours, Instant now, String user) {
        jdbc.sql("""
                insert into registry_work_log (id, dispatch_id, work_date, hours, note, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(id, dispatchId, c.workDate(), hours, c.note(), Rows.ts(now), user)).update();
    }

    private static AgreementView agreement(ResultSet rs) throws SQLException {
        return new AgreementView(Rows.uuid(rs, "id"), new ConsortiumId(Rows.uuid(rs, "consortium_id")),
                AgreementType.valueOf(rs.getString("type")), rs.getString("title"), List.of(), Rows.date(rs, "term_start"),
                Rows.date(rs, "term_end"), Rows.date(rs, "signed_on"), rs.getString("responsibilities"),
                rs.getString("rights"), rs.getString("benefits"), rs.getString("benefit_sharing"), rs.getString("manager_duties"),
                List.of());
    }

    private static DispatchView dispatch(ResultSet rs) throws SQLException {
        return new DispatchView(Rows.uuid(rs, "id"), new ConsortiumId(Rows.uuid(rs, "consortium_id")),
                new PractitionerId(Rows.uuid(rs, "practitioner_id")), new InstitutionId(Rows.uuid(rs, "from_institution_id")),
                new InstitutionId(Rows.uuid(rs, "to_institution_id")), DispatchKind.valueOf(rs.getString("kind")),
                Rows.enumOf(ManagerRole.class, rs.getString("manager_role")), rs.getString("discipline"),
                Rows.date(rs, "start_date"), Rows.date(rs, "end_date"), rs.getInt("weekly_days"), Rows.uuid(rs, "agreement_id"),
                Rows.instant(rs, "created_at"));
    }

    private static WorkLogView workLog(ResultSet rs) throws SQLException {
        return new WorkLogView(Rows.uuid(rs, "id"), Rows.uuid(rs, "dispatch_id"), Rows.date(rs, "work_date"),
                rs.getDouble("hours"), rs.getString("note"));
    }
}
