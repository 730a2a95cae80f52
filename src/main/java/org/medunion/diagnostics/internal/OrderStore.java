package org.medunion.diagnostics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderRejection;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.QualityRejection;
import org.medunion.shared.ChangeWindow;
import org.medunion.shared.ConflictException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Orders to a centre; updates check the version read (a concurrent change is a 409, nothing half-written). */
@Component
class OrderStore {

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(OrderId id, UUID residentId, String itemCode, CentreId centreId, UUID orderingInstitutionId, String orderedBy,
               OrderStatus status, boolean urgent, Instant orderedAt, Instant dueAt, @Nullable Instant receivedAt,
               @Nullable Instant startedAt, @Nullable Instant finishedAt, boolean escalated, @Nullable UUID reportId,
               @Nullable Instant criticalDueAt, @Nullable Instant criticalAcknowledgedAt, @Nullable String criticalAcknowledgedBy,
               boolean criticalEscalated, long version, Instant updatedAt) {
    }

    void insert(Row r) {
        jdbc.sql("""
                insert into diagnostics_order (id, resident_id, item_code, centre_id, ordering_institution_id, ordered_by, status,
                    urgent, ordered_at, due_at, escalated, critical_escalated, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, false, 1, ?)""")
                .params(Required.args(r.id().value(), r.residentId(), r.itemCode(), r.centreId().value(), r.orderingInstitutionId(),
                        r.orderedBy(),
                        r.status().name(), r.urgent(), ts(r.orderedAt()), ts(r.dueAt()), ts(r.updatedAt())))
                .update();
    }

    /**
     * Saves the changed row if nobody changed it since it was read; returns it with the next version. The change time is
     * the row's {@code updatedAt} (the step's instant), never earlier than the time already recorded.
     */
    Row update(Row r) {
        int n = jdbc.sql("""
                update diagnostics_order set status = ?, received_at = ?, started_at = ?, finished_at = ?, escalated = ?, report_id = ?,
                    critical_due_at = ?, critical_acknowledged_at = ?, critical_acknowledged_by = ?, critical_escalated = ?,
                    version = version + 1, updated_at = greatest(updated_at, ?)
                 where id = ? and version = ?""")
                .params(Required.args(r.status().name(), ts(r.receivedAt()), ts(r.startedAt()), ts(r.finishedAt()), r.escalated(),
                        r.reportId(),
                        ts(r.criticalDueAt()), ts(r.criticalAcknowledgedAt()), r.criticalAcknowledgedBy(), r.criticalEscalated(),
                        ts(r.updatedAt()), r.id().value(), r.version()))
                .update();
        if (n != 1) {
            throw new ConflictException("common.staleVersion", "version", r.version());
        }
        return order(r.id().value()).orElseThrow();
    }

    /** Marks the order rejected for quality (SC-3) if nobody changed it since it was read; one statement, nothing half-written. */
    Row reject(Row r, OrderRejection rejection) {
        int n = jdbc.sql("""
                update diagnostics_order set status = 'REJECTED', finished_at = ?, rejection_reason = ?, rejection_text = ?,
                    rejected_by = ?, rejected_at = ?, version = version + 1, updated_at = greatest(updated_at, ?)
                 where id = ? and version = ?""")
                .params(Required.args(ts(rejection.rejectedAt()), rejection.reason().name(), rejection.text(), rejection.rejectedBy(),
                        ts(rejection.rejectedAt()), ts(rejection.rejectedAt()), r.id().value(), r.version()))
                .update();
        if (n != 1) {
            throw new ConflictException("common.staleVersion", "version", r.version());
        }
        return order(r.id().value()).orElseThrow();
    }

    /** The centre's quality rejection of the order, if it was rejected. */
    Optional<OrderRejection> rejection(UUID id) {
        return jdbc.sql("""
                select rejection_reason, rejection_text, rejected_by, rejected_at from diagnostics_order
                 where id = ? and rejection_reason is not null""").param(id)
                .query((rs, n) -> new OrderRejection(QualityRejection.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .optional();
    }

    Optional<Row> order(UUID id) {
        return jdbc.sql("select * from diagnostics_order where id = ?").param(id).query(OrderStore::row).optional();
    }

    /**
     * Orders sent by or addressed to the given institutions' centres (all when both are null), optionally by status,
     * overdue first then newest.
     */
    List<Row> list(@Nullable List<UUID> orderingInstitutions, @Nullable List<UUID> centreIds, @Nullable OrderStatus status,
                   int limit) {
        return select(orderingInstitutions, centreIds, status == null ? Which.ALL : Which.of(status), limit);
    }

    /** Which orders a list holds beyond the caller's: a status, the open ones, or critical results not yet acknowledged. */
    record Which(String sql, List<Object> params) {

        static final Which ALL = new Which("", List.of());
        static final Which OPEN = new Which(" and status in ('ORDERED', 'RECEIVED', 'IN_PROGRESS')", List.of());
        static final Which CRITICAL_UNACKNOWLEDGED = new Which(
                " and status = 'REPORTED' and critical_due_at is not null and critical_acknowledged_at is null", List.of());

        static Which of(OrderStatus status) {
            return new Which(" and status = ?", List.of(status.name()));
        }
    }

    /** Orders of the given ordering institutions or centres (null and null: all), earliest due first. */
    List<Row> select(@Nullable List<UUID> orderingInstitutions, @Nullable List<UUID> centreIds, Which which, int limit) {
        List<Object> params = new ArrayList<>();
        String where = scope(orderingInstitutions, centreIds, params) + which.sql();
        params.addAll(which.params());
        return jdbc.sql("select * from diagnostics_order where " + where + " order by due_at, ordered_at desc fetch first "
                + Math.max(1, Math.min(limit, 500)) + " rows only").params(params).query(OrderStore::row).list();
    }

    /** The caller's orders: sent by the ordering institutions or addressed to the centres (null and null: all). */
    private static String scope(@Nullable List<UUID> orderingInstitutions, @Nullable List<UUID> centreIds, List<Object> params) {
        List<String> or = new ArrayList<>();
        if (orderingInstitutions != null && !orderingInstitutions.isEmpty()) {
            or.add("ordering_institution_id in (" + marks(orderingInstitutions.size()) + ")");
            params.addAll(orderingInstitutions);
        }
        if (centreIds != null && !centreIds.isEmpty()) {
            or.add("centre_id in (" + marks(centreIds.size()) + ")");
            params.addAll(centreIds);
        }
        if (orderingInstitutions == null && centreIds == null) {
            return "1=1";
        }
        return or.isEmpty() ? "1=0" : "(" + String.join(" or ", or) + ")";
    }

    /**
     * What a search narrows the caller's orders to; null (and an empty set) means any. {@code kinds} are the items' kinds,
     * {@code changed} the window of the last change ({@code _lastUpdated}).
     */
    record Filter(@Nullable UUID residentId, @Nullable List<UUID> centreIds, @Nullable UUID orderingInstitutionId,
                  Set<OrderStatus> statuses, @Nullable UUID orderId, Set<ItemKind> kinds, ChangeWindow changed) {
    }

    long count(@Nullable List<UUID> orderingInstitutions, @Nullable List<UUID> centreIds, Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(orderingInstitutions, centreIds, f, params);
        return jdbc.sql("select count(*) from diagnostics_order where " + where).params(params).query(Long.class).single();
    }

    /** One page of the filtered orders, earliest due first (the work list's order), the id breaking ties. */
    List<Row> page(@Nullable List<UUID> orderingInstitutions, @Nullable List<UUID> centreIds, Filter f, int count, int offset) {
        List<Object> params = new ArrayList<>();
        String where = where(orderingInstitutions, centreIds, f, params);
        return jdbc.sql("select * from diagnostics_order where " + where + " order by due_at, id offset " + Math.max(0, offset)
                + " rows fetch next " + Math.max(1, Math.min(count, 500)) + " rows only").params(params).query(OrderStore::row).list();
    }

    private static String where(@Nullable List<UUID> orderingInstitutions, @Nullable List<UUID> centreIds, Filter f,
                                List<Object> params) {
        StringBuilder sql = new StringBuilder(scope(orderingInstitutions, centreIds, params));
        if (f.residentId() != null) {
            sql.append(" and resident_id = ?");
            params.add(f.residentId());
        }
        if (f.centreIds() != null) {
            sql.append(f.centreIds().isEmpty() ? " and 1=0" : " and centre_id in (" + marks(f.centreIds().size()) + ")");
            params.addAll(f.centreIds());
        }
        if (f.orderingInstitutionId() != null) {
            sql.append(" and ordering_institution_id = ?");
            params.add(f.orderingInstitutionId());
        }
        if (!f.statuses().isEmpty()) {
            sql.append(" and status in (").append(marks(f.statuses().size())).append(')');
            f.statuses().stream().map(Enum::name).sorted().forEach(params::add);
        }
        if (f.orderId() != null) {
            sql.append(" and id = ?");
            params.add(f.orderId());
        }
        if (!f.kinds().isEmpty()) {
            sql.append(" and item_code in (select code from diagnostics_item where kind in (").append(marks(f.kinds().size()))
                    .append("))");
            f.kinds().stream().map(Enum::name).sorted().forEach(params::add);
        }
        f.changed().appendTo(sql, params, "updated_at");
        return sql.toString();
    }

    int escalateOverdue(Instant now) {
        return jdbc.sql("""
                update diagnostics_order set escalated = true, version = version + 1, updated_at = greatest(updated_at, ?)
                 where escalated = false and status in ('ORDERED', 'RECEIVED', 'IN_PROGRESS') and due_at < ?""")
                .params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    int escalateUnacknowledged(Instant now) {
        return jdbc.sql("""
                update diagnostics_order set critical_escalated = true, version = version + 1, updated_at = greatest(updated_at, ?)
                 where critical_escalated = false and critical_due_at is not null and critical_acknowledged_at is null
                   and critical_due_at < ?""")
                .params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    @Nullable
    private static Timestamp ts(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    @Nullable
    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new OrderId(rs.getObject("id", UUID.class)), rs.getObject("resident_id", UUID.class), rs.getString("item_code"),
                new CentreId(rs.getObject("centre_id", UUID.class)), rs.getObject("ordering_institution_id", UUID.class),
                rs.getString("ordered_by"), OrderStatus.valueOf(rs.getString("status")), rs.getBoolean("urgent"),
                rs.getTimestamp("ordered_at").toInstant(), rs.getTimestamp("due_at").toInstant(), instant(rs, "received_at"),
                instant(rs, "started_at"), instant(rs, "finished_at"), rs.getBoolean("escalated"), rs.getObject("report_id", UUID.class),
                instant(rs, "critical_due_at"), instant(rs, "critical_acknowledged_at"), rs.getString("critical_acknowledged_by"),
                rs.getBoolean("critical_escalated"), rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
    }
}
