package org.medunion.diagnostics.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.medunion.diagnostics.ExamBooking;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The exam slot an order booked (SC-4, SC-6): one row per order, written in the order's transaction. */
@Component
class OrderExamStore {

    private final JdbcClient jdbc;

    OrderExamStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orderId, ExamBooking b) {
        jdbc.sql("""
                insert into diagnostics_order_exam (order_id, booking_id, slot_id, department, starts_at, ends_at, reserved_share,
                    priority)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, b.bookingId(), b.slotId(), b.department(), Timestamp.from(b.start()), Timestamp.from(b.end()),
                        b.reservedShare(), b.priority())
                .update();
    }

    Optional<ExamBooking> exam(UUID orderId) {
        return jdbc.sql("select * from diagnostics_order_exam where order_id = ?").param(orderId).query(OrderExamStore::row)
                .optional();
    }

    /** Marks the booking released (its slot back in the pool) once; returns whether it held its slot until now. */
    boolean release(UUID bookingId, Instant at) {
        return jdbc.sql("update diagnostics_order_exam set released_at = ? where booking_id = ? and released_at is null")
                .params(Timestamp.from(at), bookingId).update() == 1;
    }

    private static ExamBooking row(ResultSet rs, int n) throws SQLException {
        Timestamp released = rs.getTimestamp("released_at");
        return new ExamBooking(rs.getObject("booking_id", UUID.class), rs.getObject("slot_id", UUID.class), rs.getString("department"),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), rs.getBoolean("reserved_share"),
                rs.getBoolean("priority"), released == null ? null : released.toInstant());
    }
}
