package org.medunion.scheduling.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PractitionerId;
import org.medunion.residents.ContractId;
import org.medunion.residents.ResidentId;
import org.medunion.scheduling.BookingId;
import org.medunion.scheduling.BookingStatus;
import org.medunion.scheduling.BookingView;
import org.medunion.scheduling.Priority;
import org.medunion.scheduling.ReservedShare;
import org.medunion.scheduling.ScheduleId;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.ScheduleView;
import org.medunion.scheduling.SlotCursor;
import org.medunion.scheduling.SlotId;
import org.medunion.scheduling.SlotPool;
import org.medunion.scheduling.SlotStatus;
import org.medunion.scheduling.SlotView;
import org.medunion.shared.ChangeWindow;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the scheduling tables; runs unchanged on H2 (PostgreSQL mode) and PostgreSQL. */
@Repository
class SchedulingStore {

    private static final String SLOT_COLUMNS = "s.id, s.schedule_id, s.institution_id, s.department, s.discipline, s.kind, "
            + "s.start_at, s.end_at, s.reserved, s.pool, s.status, s.release_at, s.released_at, s.version, s.updated_at";
    private static final String BOOKING_SELECT = "select b.id, b.slot_id, s.schedule_id, s.institution_id, s.department, s.kind, "
            + "s.start_at, s.end_at, b.pool, b.resident_id, b.booked_by, b.booked_by_institution, b.primary_care, b.priority, "
            + "b.contract_id, b.status, b.created_at, b.updated_at from scheduling_booking b join scheduling_slot s on s.id = b.slot_id ";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SchedulingStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    static OffsetDateTime ts(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    static @Nullable OffsetDateTime tsOrNull(@Nullable Instant i) {
        return i == null ? null : ts(i);
    }

    /** A timestamp of a column declared not null. */
    private static Instant instant(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String col) throws SQLException {
        var o = rs.getObject(col, OffsetDateTime.class);
        return o == null ? null : o.toInstant();
    }

    private static UUID uuid(ResultSet rs, String col) throws SQLException {
        return rs.getObject(col, UUID.class);
    }

    // schedules

    void insertSchedule(ScheduleView s) {
        jdbc.sql("""
                insert into scheduling_schedule (id, institution_id, department, discipline, practitioner_id, kind,
                  period_start, period_end, reserved_numerator, reserved_denominator, release_lead_time, slot_count,
                  reserved_count, created_at, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(s.id().value(), s.institutionId().value(), s.department(), s.discipline(),
                        s.practitionerId() == null ? null : s.practitionerId().value(), s.kind().name(),
                        s.periodStart(), s.periodEnd(), s.reservedShare().numerator(), s.reservedShare().denominator(),
                        s.releaseLeadTime().toString(), s.slotCount(), s.reservedCount(), ts(s.createdAt()), s.createdBy()))
                .update();
    }

    void insertSlots(List<SlotView> slots) {
        template.batchUpdate("""
                insert into scheduling_slot (id, schedule_id, institution_id, department, discipline, kind, start_at, end_at,
                  reserved, pool, status, release_at, released_at, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, 0, ?)""", slots, 500, (ps, s) -> {
            ps.setObject(1, s.id().value());
            ps.setObject(2, s.scheduleId().value());
            ps.setObject(3, s.institutionId().value());
            ps.setString(4, s.department());
            ps.setString(5, s.discipline());
            ps.setString(6, s.kind().name());
            ps.setObject(7, ts(s.start()));
            ps.setObject(8, ts(s.end()));
            ps.setBoolean(9, s.reserved());
            ps.setString(10, s.pool().name());
            ps.setString(11, s.status().name());
            ps.setObject(12, tsOrNull(s.releaseAt()));
            ps.setObject(13, ts(s.updatedAt()));
        });
    }

    Optional<ScheduleView> schedule(ScheduleId id) {
        return jdbc.sql("select * from scheduling_schedule where id = ?").param(id.value()).query(this::mapSchedule).optional();
    }

    /** Schedules of the given institutions (null = all), newest period first. */
    List<ScheduleView> schedules(@Nullable Collection<UUID> institutions, ChangeWindow changed, int limit) {
        if (institutions != null && institutions.isEmpty()) {
            return List.of();
        }
        var sql = new StringBuilder("select * from scheduling_schedule where 1 = 1");
        var params = new ArrayList<Object>();
        if (institutions != null) {
            sql.append(" and institution_id in (").append(String.join(",", institutions.stream().map(u -> "?").toList())).append(")");
            params.addAll(institutions);
        }
        changed.appendTo(sql, params, "created_at");
        sql.append(" order by period_start desc, department, created_at desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::mapSchedule).list();
    }

    private ScheduleView mapSchedule(ResultSet rs, int row) throws SQLException {
        UUID practitioner = uuid(rs, "practitioner_id");
        return new ScheduleView(new ScheduleId(uuid(rs, "id")), new InstitutionId(uuid(rs, "institution_id")),
                rs.getString("department"), rs.getString("discipline"),
                practitioner == null ? null : new PractitionerId(practitioner), ScheduleKind.valueOf(rs.getString("kind")),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                new ReservedShare(rs.getInt("reserved_numerator"), rs.getInt("reserved_denominator")),
                Duration.parse(rs.getString("release_lead_time")), rs.getInt("slot_count"), rs.getInt("reserved_count"),
                instant(rs, "created_at"), rs.getString("created_by"));
    }

    // slots

    Optional<SlotView> slot(SlotId id) {
        return jdbc.sql("select " + SLOT_COLUMNS + " from scheduling_slot s where s.id = ?").param(id.value())
                .query(this::mapSlot).optional();
    }

    /** Slot search: every criterion optional; {@code institutions} null = any. */
    List<SlotView> searchSlots(@Nullable Collection<UUID> institutions, @Nullable UUID schedule,
                               @Nullable String department, @Nullable ScheduleKind kind, @Nullable Instant from,
                               @Nullable Instant to, @Nullable SlotPool pool, boolean freeOnly, @Nullable Instant notBefore,
                               @Nullable SlotCursor after, int limit) {
        if (institutions != null && institutions.isEmpty()) {
            return List.of();
        }
        var sql = new StringBuilder("select " + SLOT_COLUMNS + " from scheduling_slot s where 1 = 1");
        var params = new ArrayList<Object>();
        slotFilter(sql, params, institutions, schedule, department, kind, from, to, pool, freeOnly, notBefore);
        if (after != null) {
            // the keyset: strictly after (start, department, id) in the order below, spelt out for H2 and PostgreSQL
            sql.append(" and (s.start_at > ? or s.start_at = ? and (s.department > ? or s.department = ? and s.id > ?))");
            params.addAll(List.of(ts(after.start()), ts(after.start()), after.department(), after.department(), after.id()));
        }
        sql.append(" order by s.start_at, s.department, s.id limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::mapSlot).list();
    }

    /** A page of the FHIR Slot search in (start, department, id) order from {@code offset}. */
    List<SlotView> slotPage(SlotFilter f, int limit, int offset) {
        var sql = new StringBuilder("select " + SLOT_COLUMNS + " from scheduling_slot s where 1 = 1");
        var params = new ArrayList<Object>();
        pageFilter(sql, params, f);
        sql.append(" order by s.start_at, s.department, s.id limit ").append(limit).append(" offset ").append(offset);
        return jdbc.sql(sql.toString()).params(params).query(this::mapSlot).list();
    }

    long countSlots(SlotFilter f) {
        var sql = new StringBuilder("select count(*) from scheduling_slot s where 1 = 1");
        var params = new ArrayList<Object>();
        pageFilter(sql, params, f);
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
    }

    /** The FHIR Slot search's criteria, each optional: start and change bounds are [from, to). */
    record SlotFilter(@Nullable UUID schedule, @Nullable SlotStatus status, @Nullable Instant from, @Nullable Instant to,
                      @Nullable Instant updatedFrom, @Nullable Instant updatedTo, @Nullable Instant notBefore) {
    }

    private static void pageFilter(StringBuilder sql, List<Object> params, SlotFilter f) {
        slotFilter(sql, params, null, f.schedule(), null, null, f.from(), f.to(), null, false, f.notBefore());
        if (f.status() != null) {
            sql.append(" and s.status = ?");
            params.add(f.status().name());
        }
        if (f.updatedFrom() != null) {
            sql.append(" and s.updated_at >= ?");
            params.add(ts(f.updatedFrom()));
        }
        if (f.updatedTo() != null) {
            sql.append(" and s.updated_at < ?");
            params.add(ts(f.updatedTo()));
        }
    }

    private static void slotFilter(StringBuilder sql, List<Object> params, @Nullable Collection<UUID> institutions,
                                   @Nullable UUID schedule, @Nullable String department, @Nullable ScheduleKind kind,
                                   @Nullable Instant from, @Nullable Instant to, @Nullable SlotPool pool,
                                   boolean freeOnly, @Nullable Instant notBefore) {
        if (institutions != null) {
            sql.append(" and s.institution_id in (").append(String.join(",", institutions.stream().map(u -> "?").toList())).append(")");
            params.addAll(institutions);
        }
        if (schedule != null) {
            sql.append(" and s.schedule_id = ?");
            params.add(schedule);
        }
        if (department != null && !department.isBlank()) {
            sql.append(" and (lower(s.department) like ? or lower(coalesce(s.discipline, '')) like ?)");
            String like = "%" + department.trim().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            params.add(like);
            params.add(like);
        }
        if (kind != null) {
            sql.append(" and s.kind = ?");
            params.add(kind.name());
        }
        if (from != null) {
            sql.append(" and s.start_at >= ?");
            params.add(ts(from));
        }
        if (to != null) {
            sql.append(" and s.start_at < ?");
            params.add(ts(to));
        }
        if (notBefore != null) {
            sql.append(" and s.start_at > ?");
            params.add(ts(notBefore));
        }
        if (pool != null) {
            sql.append(" and s.pool = ?");
            params.add(pool.name());
        }
        if (freeOnly) {
            sql.append(" and s.status = 'FREE'");
        }
    }

    /** Free slots of a schedule to try in order: reserved first when the caller may use them. */
    List<SlotView> candidates(UUID schedule, @Nullable Instant from, @Nullable Instant to, Instant notBefore, boolean primaryCare,
                              int limit) {
        var sql = new StringBuilder(
                "select " + SLOT_COLUMNS + " from scheduling_slot s where s.schedule_id = ? and s.status = 'FREE' and s.start_at > ?");
        var params = new ArrayList<Object>(List.of(schedule, ts(notBefore)));
        if (from != null) {
            sql.append(" and s.start_at >= ? and s.start_at < ?");
            params.add(ts(from));
            params.add(tsOrNull(to));
        }
        if (!primaryCare) {
            sql.append(" and s.pool = 'PUBLIC'");
        }
        sql.append(" order by case when s.pool = 'PRIMARY_CARE_RESERVED' then 0 else 1 end, s.start_at, s.id limit ").append(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::mapSlot).list();
    }

    /**
     * The atomic claim: FREE → BOOKED in one conditional update. Exactly one concurrent caller sees
     * one affected row; the others see none — on one instance or many, on H2 or PostgreSQL.
     */
    int claim(SlotId id, boolean mayUseReserved, Instant now) {
        return jdbc.sql("update scheduling_slot set status = 'BOOKED', version = version + 1, updated_at = ? "
                + "where id = ? and status = 'FREE'" + (mayUseReserved ? "" : " and pool = 'PUBLIC'"))
                .params(ts(now), id.value()).update();
    }

    /** Returns a booked slot to FREE in the given pool. */
    int free(SlotId id, SlotPool pool, @Nullable Instant releasedAt, Instant now) {
        return jdbc.sql("update scheduling_slot set status = 'FREE', pool = ?, released_at = ?, version = version + 1, "
                + "updated_at = ? where id = ? and status = 'BOOKED'")
                .params(Arrays.asList(pool.name(), tsOrNull(releasedAt), ts(now), id.value())).update();
    }

    /** NN-4 release: idempotent, safe to run concurrently on every instance. */
    int releaseDue(Instant now) {
        return jdbc.sql("update scheduling_slot set pool = 'PUBLIC', released_at = ?, version = version + 1, updated_at = ? "
                + "where pool = 'PRIMARY_CARE_RESERVED' and status = 'FREE' and release_at <= ?")
                .params(ts(now), ts(now), ts(now)).update();
    }

    private SlotView mapSlot(ResultSet rs, int row) throws SQLException {
        return new SlotView(new SlotId(uuid(rs, "id")), new ScheduleId(uuid(rs, "schedule_id")),
                new InstitutionId(uuid(rs, "institution_id")), rs.getString("department"), rs.getString("discipline"),
                ScheduleKind.valueOf(rs.getString("kind")), instant(rs, "start_at"), instant(rs, "end_at"),
                rs.getBoolean("reserved"), SlotPool.valueOf(rs.getString("pool")), SlotStatus.valueOf(rs.getString("status")),
                nullableInstant(rs, "release_at"), nullableInstant(rs, "released_at"), rs.getLong("version"), instant(rs, "updated_at"));
    }

    // bookings

    void insertBooking(BookingView b) {
        jdbc.sql("""
                insert into scheduling_booking (id, slot_id, resident_id, booked_by, booked_by_institution, pool, primary_care,
                  priority, contract_id, status, created_at, updated_at, updated_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Arrays.asList(b.id().value(), b.slotId().value(), b.residentId().value(), b.bookedBy(),
                        b.bookedByInstitution() == null ? null : b.bookedByInstitution().value(), b.pool().name(),
                        b.primaryCare(), b.priority() == null ? null : b.priority().name(),
                        b.contractId() == null ? null : b.contractId().value(), b.status().name(), ts(b.createdAt()),
                        ts(b.createdAt()), b.bookedBy()))
                .update();
    }

    Optional<BookingView> booking(BookingId id) {
        return jdbc.sql(BOOKING_SELECT + "where b.id = ?").param(id.value()).query(this::mapBooking).optional();
    }

    List<BookingView> bookingsOfResident(ResidentId resident, ChangeWindow changed) {
        var sql = new StringBuilder(BOOKING_SELECT + "where b.resident_id = ?");
        var params = new ArrayList<Object>(List.of(resident.value()));
        changed.appendTo(sql, params, "b.updated_at");
        return jdbc.sql(sql + " order by s.start_at desc limit 500").params(params).query(this::mapBooking).list();
    }

    List<BookingView> bookingsOfInstitution(UUID institution, int limit) {
        return jdbc
                .sql(BOOKING_SELECT + "where s.institution_id = ? or b.booked_by_institution = ? order by b.created_at desc limit " + limit)
                .params(institution, institution).query(this::mapBooking).list();
    }

    List<BookingView> bookingsOfSlot(SlotId slot, ChangeWindow changed) {
        var sql = new StringBuilder(BOOKING_SELECT + "where b.slot_id = ?");
        var params = new ArrayList<Object>(List.of(slot.value()));
        changed.appendTo(sql, params, "b.updated_at");
        return jdbc.sql(sql + " order by b.created_at desc").params(params).query(this::mapBooking).list();
    }

    int changeStatus(BookingId id, BookingStatus from, BookingStatus to, String by, Instant now) {
        return jdbc.sql("update scheduling_booking set status = ?, updated_at = ?, updated_by = ? where id = ? and status = ?")
                .params(to.name(), ts(now), by, id.value(), from.name()).update();
    }

    private BookingView mapBooking(ResultSet rs, int row) throws SQLException {
        UUID byInst = uuid(rs, "booked_by_institution");
        UUID contract = uuid(rs, "contract_id");
        String priority = rs.getString("priority");
        return new BookingView(new BookingId(uuid(rs, "id")), new SlotId(uuid(rs, "slot_id")),
                new ScheduleId(uuid(rs, "schedule_id")), new InstitutionId(uuid(rs, "institution_id")),
                rs.getString("department"), ScheduleKind.valueOf(rs.getString("kind")), instant(rs, "start_at"),
                instant(rs, "end_at"), SlotPool.valueOf(rs.getString("pool")), new ResidentId(uuid(rs, "resident_id")),
                rs.getString("booked_by"), byInst == null ? null : new InstitutionId(byInst), rs.getBoolean("primary_care"),
                priority == null ? null : Priority.valueOf(priority), contract == null ? null : new ContractId(contract),
                BookingStatus.valueOf(rs.getString("status")), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
