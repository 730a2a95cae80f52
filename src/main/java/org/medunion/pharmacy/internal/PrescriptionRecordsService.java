package org.medunion.pharmacy.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.pharmacy.PrescriptionAction;
import org.medunion.pharmacy.PrescriptionId;
import org.medunion.pharmacy.PrescriptionRecords;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PrescriptionRecords}: the scope predicate of {@link PrescriptionAccess} applied in SQL together with the
 * resident, status and change window, so a FHIR search counts and pages before it reads anything personal; what it
 * then reads is audited like the REST reads.
 */
@Service
@Transactional
class PrescriptionRecordsService implements PrescriptionRecords {

    private final PharmacyStore store;
    private final PrescriptionViews views;
    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final AuditTrail audit;

    PrescriptionRecordsService(PharmacyStore store, PrescriptionViews views, JdbcClient jdbc, CurrentUsers users, AuditTrail audit) {
        this.store = store;
        this.views = views;
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public List<Match> matches(UUID residentId, Set<PrescriptionStatus> statuses, ChangeWindow changed) {
        return query(null, residentId, statuses, changed);
    }

    @Override
    public List<Match> reviews(@Nullable UUID reviewingInstitutionId, @Nullable UUID residentId, Set<PrescriptionStatus> statuses,
                               ChangeWindow changed) {
        return query(reviewingInstitutionId, residentId, statuses, changed);
    }

    private List<Match> query(@Nullable UUID reviewer, @Nullable UUID residentId, Set<PrescriptionStatus> statuses,
                              ChangeWindow changed) {
        var pred = PrescriptionAccess.predicate(users.require());
        var sql = new StringBuilder("""
                select p.id, p.status, p.updated_at, p.reviewed_at,
                       (select count(*) from pharmacy_prescription_item i where i.prescription_id = p.id) items,
                       (select count(*) from pharmacy_finding f where f.prescription_id = p.id) findings
                from pharmacy_prescription p where (""");
        sql.append(pred.sql()).append(')');
        List<Object> params = new ArrayList<>(pred.params());
        if (residentId != null) {
            sql.append(" and p.resident_id = ?");
            params.add(residentId);
        }
        if (reviewer != null) {
            sql.append(" and p.reviewing_institution_id = ?");
            params.add(reviewer);
        }
        if (!statuses.isEmpty()) {
            sql.append(" and p.status in (").append(String.join(", ", statuses.stream().map(s -> "?").toList())).append(')');
            statuses.stream().map(Enum::name).sorted().forEach(params::add);
        }
        changed.appendTo(sql, params, "p.updated_at");
        sql.append(" order by p.updated_at desc, p.number limit ").append(MAX_MATCHES);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
            Timestamp updated = rs.getTimestamp("updated_at");
            return new Match(new PrescriptionId(rs.getObject("id", UUID.class)), PrescriptionStatus.valueOf(rs.getString("status")),
                    rs.getInt("items"), rs.getInt("findings"), rs.getTimestamp("reviewed_at") != null, updated.toInstant());
        }).list();
    }

    @Override
    public Entry read(PrescriptionId id) {
        CurrentUser user = users.require();
        var p = visible(id, user);
        if (p == null) {
            throw new NotFoundException(Prescriptions.OBJECT, id == null ? "null" : id.value());
        }
        audit.record(AuditAction.READ, Prescriptions.OBJECT, p.id.toString(), p.residentId.toString(), "FHIR read " + p.number);
        return entry(p, user);
    }

    @Override
    public List<Entry> page(List<PrescriptionId> ids) {
        CurrentUser user = users.require();
        var out = new ArrayList<Entry>();
        for (var id : ids) {
            var p = visible(id, user);
            if (p != null) {
                audit.record(AuditAction.SEARCH, Prescriptions.OBJECT, p.id.toString(), p.residentId.toString(),
                        "FHIR search " + p.number);
                out.add(entry(p, user));
            }
        }
        return out;
    }

    private Entry entry(Prescription p, CurrentUser user) {
        var steps = jdbc.sql("""
                select action, reason, at from pharmacy_transition
                where prescription_id = ? and action in ('APPROVE', 'APPROVE_WITH_NOTE', 'RETURN', 'OVERRIDE') order by at""")
                .param(p.id).query((rs, n) -> new ReviewStep(PrescriptionAction.valueOf(rs.getString("action")), rs.getString("reason"),
                        rs.getTimestamp("at").toInstant()))
                .list();
        return new Entry(views.view(p, user), p.updatedAt, steps);
    }

    private @Nullable Prescription visible(@Nullable PrescriptionId id, CurrentUser user) {
        if (id == null || id.value() == null) {
            return null;
        }
        return store.find(id.value()).filter(p -> PrescriptionAccess.canSee(user, p)).orElse(null);
    }
}
