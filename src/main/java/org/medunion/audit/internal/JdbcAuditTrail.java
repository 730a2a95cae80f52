package org.medunion.audit.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditEntry;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.Slice;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

@Service
class JdbcAuditTrail implements AuditTrail {

    private static final RowMapper<AuditEntry> ROWS = (rs, n) -> new AuditEntry(rs.getObject("id", UUID.class),
            rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"), rs.getString("actor_role"),
            AuditAction.valueOf(rs.getString("action")), rs.getString("object_type"), rs.getString("object_id"),
            rs.getString("resident_ref"), rs.getString("client_address"), rs.getString("purpose"),
            rs.getString("outcome"), rs.getString("detail"));

    private final JdbcClient jdbc;
    private final CurrentUsers users;
    private final Clock clock;

    JdbcAuditTrail(JdbcClient jdbc, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditAction action, String objectType, String objectId, String residentRef, String detail) {
        CurrentUser user = users.current().orElse(null);
        HttpServletRequest request = currentRequest();
        jdbc.sql("""
                insert into audit_event (id, occurred_at, actor, actor_role, action, object_type, object_id, resident_ref,
                                         client_address, purpose, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'SUCCESS', ?)""")
                .params(UUID.randomUUID(), Timestamp.from(clock.instant()), user == null ? "system" : user.username(),
                        user == null ? null : user.role().name(), action.name(), objectType, objectId, residentRef,
                        request == null ? null : request.getRemoteAddr(), purpose(request, user),
                        detail == null ? null : truncate(detail))
                .update();
    }

    @Override
    public List<AuditEntry> search(AuditQuery q) {
        var where = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        filter(q, where, params);
        params.add(Math.max(1, Math.min(q.limit(), 1000)));
        return jdbc.sql("select * from audit_event" + where + " order by occurred_at desc limit ?").params(params).query(ROWS).list();
    }

    @Override
    public long count(AuditQuery q) {
        var where = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        filter(q, where, params);
        return jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
    }

    @Override
    public Slice<AuditEntry> search(AuditQuery q, Instant from, Instant to, int offset) {
        var where = new StringBuilder(" where 1=1");
        var params = new ArrayList<Object>();
        filter(q, where, params);
        if (from != null) {
            where.append(" and occurred_at >= ?");
            params.add(Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and occurred_at <= ?");
            params.add(Timestamp.from(to));
        }
        long total = jdbc.sql("select count(*) from audit_event" + where).params(params).query(Long.class).single();
        var page = new ArrayList<Object>(params);
        page.add(Math.max(1, Math.min(q.limit(), 1000)));
        page.add(Math.max(0, offset));
        // id breaks ties between events of the same instant, so offset pages neither repeat nor skip a row
        var rows = jdbc.sql("select * from audit_event" + where + " order by occurred_at desc, id desc limit ? offset ?")
                .params(page).query(ROWS).list();
        return new Slice<>(rows, total);
    }

    @Override
    public java.util.Optional<AuditEntry> find(UUID id) {
        return jdbc.sql("select * from audit_event where id = ?").param(id).query(ROWS).optional();
    }

    private static void filter(AuditQuery q, StringBuilder where, List<Object> params) {
        if (q.actor() != null) {
            where.append(" and actor = ?");
            params.add(q.actor());
        }
        if (q.objectType() != null) {
            where.append(" and object_type = ?");
            params.add(q.objectType());
        }
        if (q.objectId() != null) {
            where.append(" and object_id = ?");
            params.add(q.objectId());
        }
        if (q.residentRef() != null) {
            where.append(" and resident_ref = ?");
            params.add(q.residentRef());
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs ? attrs.getRequest() : null;
    }

    /** Declared purpose of use, else the one implied by the role (treatment for clinicians, operations otherwise). */
    private static String purpose(HttpServletRequest request, CurrentUser user) {
        String declared = request == null ? null : request.getHeader("X-Purpose-Of-Use");
        if (declared != null && declared.matches("[A-Za-z_-]{1,40}")) {
            return declared.toUpperCase();
        }
        if (user == null) {
            return "SYSTEM";
        }
        return switch (user.role()) {
            case GP, SPECIALIST, PHARMACIST, CENTRE_STAFF -> "TREATMENT";
            case INTEGRATOR -> "INTEGRATION";
            default -> "OPERATIONS";
        };
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
