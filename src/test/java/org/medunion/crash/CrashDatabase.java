package org.medunion.crash;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.crash.WorkflowLoad.AckedAcceptance;
import org.medunion.crash.WorkflowLoad.AckedBooking;
import org.medunion.crash.WorkflowLoad.AckedReferral;
import org.medunion.crash.WorkflowLoad.Contract;
import org.medunion.crash.WorkflowLoad.DemoData;
import org.medunion.support.PostgresAvailable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The crash test's own PostgreSQL database — the test database's name plus {@code _r2} (dropped and created,
 * so counts mean this run) — and the queries that read demo data and check the state after the restart.
 * Every check returns the violations it found; an empty list is a pass.
 */
final class CrashDatabase implements AutoCloseable {

    final String url;
    // one connection for the test thread: the checks run hundreds of queries, a connection each would take seconds
    private final SingleConnectionDataSource dataSource;
    private final JdbcClient jdbc;

    private CrashDatabase(String url) {
        this.url = url;
        this.dataSource = new SingleConnectionDataSource(url, PostgresAvailable.user(), PostgresAvailable.password(), true);
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
    }

    static CrashDatabase fresh() throws SQLException {
        String testUrl = PostgresAvailable.url();
        String server = testUrl.substring(0, testUrl.lastIndexOf('/') + 1);
        String name = testUrl.substring(server.length()).replaceAll("[?].*", "") + "_r2";
        try (var c = DriverManager.getConnection(testUrl, PostgresAvailable.user(), PostgresAvailable.password());
                var s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        }
        return new CrashDatabase(server + name);
    }

    DemoData demoData() {
        Map<UUID, List<UUID>> schedules = new LinkedHashMap<>();
        jdbc.sql("select institution_id, id from scheduling_schedule where kind like 'OUTPATIENT%' order by id")
                .query(rs -> {
                    schedules.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>()).add(rs.getObject(2, UUID.class));
                });
        var contracts = jdbc.sql("select resident_id, primary_institution_id, district_hospital_id, municipal_hospital_id "
                + "from residents_contract where status = 'ACTIVE' order by resident_id")
                .query((rs, n) -> new Contract(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        java.util.stream.Stream.of(rs.getObject(3, UUID.class), rs.getObject(4, UUID.class))
                                .filter(schedules::containsKey).toList()))
                .list().stream().filter(c -> !c.hospitals().isEmpty()).toList();
        var slots = jdbc.sql("select id from scheduling_slot where status = 'FREE' and pool = 'PUBLIC' "
                + "and kind like 'OUTPATIENT%' and start_at > now() order by id")
                .query(UUID.class).list();
        return new DemoData(contracts, schedules, slots);
    }

    int incompletePublications() {
        return jdbc.sql("select count(*) from event_publication where completion_date is null").query(Integer.class).single();
    }

    /** Incomplete publications by registry status (PUBLISHED: not yet attempted, FAILED, PROCESSING, …). */
    Map<String, Integer> incompleteByStatus() {
        var counts = new java.util.TreeMap<String, Integer>();
        jdbc.sql("select coalesce(status, '-'), count(*) from event_publication where completion_date is null group by 1")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getInt(2));
                });
        return counts;
    }

    int publications() {
        return jdbc.sql("select count(*) from event_publication").query(Integer.class).single();
    }

    /** Event ids of the referral webhook's publications (each must reach the receiver). */
    List<UUID> webhookEventIds() {
        return jdbc.sql("select serialized_event::json ->> 'eventId' from event_publication "
                + "where listener_id like 'org.medunion.referral.internal.WebhookPublisher.%'")
                .query(String.class).list().stream().map(UUID::fromString).toList();
    }

    int burstReferrals() {
        return jdbc.sql("select count(*) from referral_referral where reason = 'R-2 crash test'").query(Integer.class).single();
    }

    /**
     * Each acknowledged referral is there, submitted — or accepted with the acknowledged booking when the
     * acceptance was acknowledged, or either when the acceptance got no answer.
     */
    List<String> missingOrWrongReferrals(List<AckedReferral> acked, Map<UUID, AckedAcceptance> accepted,
                                         java.util.Set<UUID> acceptanceInDoubt) {
        var problems = new ArrayList<String>();
        for (var r : acked) {
            var row = jdbc.sql("select status, booking_id, number from referral_referral where id = ?").param(r.id())
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).optional();
            if (row.isEmpty()) {
                problems.add("acknowledged referral missing: " + r);
                continue;
            }
            var acceptance = accepted.get(r.id());
            String want = acceptance == null ? "SUBMITTED" : "ACCEPTED";
            boolean either = acceptanceInDoubt.contains(r.id()) && "ACCEPTED".equals(row.get()[0]);
            if (!(want.equals(row.get()[0]) || either) || !r.number().equals(row.get()[2])) {
                problems.add("referral " + r.number() + " is " + row.get()[0] + ", acknowledged " + want);
            }
            if (acceptance != null && !acceptance.bookingId().toString().equals(row.get()[1])) {
                problems.add("accepted referral " + r.number() + " has booking " + row.get()[1] + ", acknowledged "
                        + acceptance.bookingId());
            }
        }
        return problems;
    }

    /**
     * Every referral the burst left (acknowledged or not) is whole: one CREATE and one SUBMIT transition and a
     * deadline; ACCEPTED ones also one ACCEPT and a live booking of their resident at the receiving institution;
     * SUBMITTED ones neither. Each has its idempotency key (stored in the same transaction).
     */
    List<String> inconsistentReferrals() {
        var problems = new ArrayList<String>(jdbc.sql("""
                select r.number || ' ' || r.status || ' create=' || count(*) filter (where t.action = 'CREATE')
                       || ' submit=' || count(*) filter (where t.action = 'SUBMIT')
                       || ' accept=' || count(*) filter (where t.action = 'ACCEPT')
                       || ' deadline=' || (r.acceptance_deadline is not null) || ' booking=' || coalesce(b.status, '-')
                from referral_referral r
                join referral_transition t on t.referral_id = r.id
                left join scheduling_booking b on b.id = r.booking_id
                left join scheduling_slot s on s.id = b.slot_id
                where r.reason = 'R-2 crash test'
                group by r.id, r.number, r.status, r.acceptance_deadline, b.status, b.resident_id, s.institution_id
                having count(*) filter (where t.action = 'CREATE') <> 1
                    or count(*) filter (where t.action = 'SUBMIT') <> 1
                    or r.acceptance_deadline is null
                    or r.status not in ('SUBMITTED', 'ACCEPTED')
                    or (r.status = 'SUBMITTED' and (r.booking_id is not null or count(*) filter (where t.action = 'ACCEPT') <> 0))
                    or (r.status = 'ACCEPTED' and (count(*) filter (where t.action = 'ACCEPT') <> 1
                        or b.status is distinct from 'BOOKED' or b.resident_id <> r.resident_id
                        or s.institution_id <> r.to_institution_id))
                """).query(String.class).list());
        problems.addAll(jdbc.sql("""
                select 'referral without its idempotency key (a retry would duplicate it): ' || r.number
                from referral_referral r where r.reason = 'R-2 crash test'
                and not exists (select 1 from shared_idempotency k
                    where position(r.id::text in convert_from(k.response_body, 'UTF8')) > 0)
                """).query(String.class).list());
        problems.addAll(jdbc.sql("""
                select 'referral without transitions: ' || r.number from referral_referral r
                where r.reason = 'R-2 crash test' and not exists (select 1 from referral_transition t where t.referral_id = r.id)
                """).query(String.class).list());
        return problems;
    }

    /**
     * Each acknowledged direct booking exists exactly once, booked, on its slot; one key, one booking (a retry
     * with the key books the same slot, so a duplicate would be a second live booking there).
     */
    List<String> missingOrWrongBookings(List<AckedBooking> acked) {
        var problems = new ArrayList<String>();
        for (var b : acked) {
            var rows = jdbc.sql("select slot_id, status from scheduling_booking where id = ? or (slot_id = ? and status <> 'CANCELLED')")
                    .param(b.id()).param(b.slotId())
                    .query((rs, n) -> rs.getObject(1, UUID.class) + " " + rs.getString(2)).list();
            if (!rows.equals(List.of(b.slotId() + " BOOKED"))) {
                problems.add("acknowledged booking " + b.id() + " (key " + b.key() + ", slot " + b.slotId() + "): " + rows);
            }
        }
        return problems;
    }

    /** No slot is booked twice; a slot is BOOKED exactly when it has a live (not cancelled) booking. */
    List<String> slotInconsistencies() {
        var problems = new ArrayList<String>(jdbc.sql("""
                select 'slot ' || slot_id || ' booked ' || count(*) || ' times' from scheduling_booking
                where status <> 'CANCELLED' group by slot_id having count(*) > 1
                """).query(String.class).list());
        problems.addAll(jdbc.sql("""
                select 'slot ' || s.id || ' is ' || s.status || ' with ' || count(b.id) || ' live bookings'
                from scheduling_slot s left join scheduling_booking b on b.slot_id = s.id and b.status <> 'CANCELLED'
                group by s.id, s.status
                having (s.status = 'BOOKED') <> (count(b.id) = 1)
                """).query(String.class).list());
        return problems;
    }

    int liveBookings() {
        return jdbc.sql("select count(*) from scheduling_booking where status = 'BOOKED'").query(Integer.class).single();
    }
}
