package org.medunion.scheduling.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.medunion.scheduling.ScheduleKind;
import org.medunion.scheduling.SlotMeasures;
import org.medunion.shared.InstitutionDays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One row per published slot with a 0/1 column per count of the release ratios: {@link #counts} sums it for
 * {@link SlotRelease} and {@link #slotRecords} lists it, so I-8, I-9 and I-22 and the slots behind them cannot disagree.
 */
@Component
@Transactional(readOnly = true)
class SlotRows implements SlotMeasures {

    /** The kinds the release ratios count (consultation slots are not released, NN-4). */
    private static final String RELEASE_KINDS = "('OUTPATIENT_EXPERT', 'OUTPATIENT_SPECIALTY', 'INPATIENT_BED', 'EXAM')";

    private final JdbcClient jdbc;
    private final Clock clock;

    SlotRows(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Per kind: {total, reserved, released, reserved and booked through primary care}. */
    Map<ScheduleKind, long[]> counts(List<InstitutionDays> windows) {
        var out = new EnumMap<ScheduleKind, long[]>(ScheduleKind.class);
        if (windows.isEmpty()) {
            return out;
        }
        var params = new ArrayList<Object>();
        String rows = perSlot(windows, params);
        jdbc.sql("""
                select kind, count(*) total, coalesce(sum(reserved), 0) reserved, coalesce(sum(released), 0) released,
                       coalesce(sum(primary_booked), 0) primary_booked
                from (%s) x group by kind""".formatted(rows))
                .params(params)
                .query(rs -> {
                    out.put(ScheduleKind.valueOf(rs.getString("kind")), new long[] {rs.getLong("total"), rs.getLong("reserved"),
                            rs.getLong("released"), rs.getLong("primary_booked")});
                });
        return out;
    }

    @Override
    public List<CountedSlot> slotRecords(CountedSlots which, List<InstitutionDays> windows, int limit) {
        if (windows.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String rows = perSlot(windows, params);
        String filter = switch (which) {
            case OUTPATIENT -> "x.kind in ('OUTPATIENT_EXPERT', 'OUTPATIENT_SPECIALTY')";
            case RESERVED -> "x.reserved = 1";
            case EXAM -> "x.kind = 'EXAM'";
        };
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("select * from (%s) x where %s order by x.start_at, x.department, x.id limit ?".formatted(rows, filter))
                .params(params)
                .query((rs, n) -> new CountedSlot(rs.getObject("id", UUID.class), rs.getObject("institution_id", UUID.class),
                        rs.getString("department"), ScheduleKind.valueOf(rs.getString("kind")),
                        rs.getTimestamp("start_at").toInstant(), rs.getInt("reserved") == 1, rs.getInt("released") == 1,
                        rs.getInt("primary_booked") == 1))
                .list();
    }

    private String perSlot(List<InstitutionDays> windows, List<Object> params) {
        String where = InstitutionDays.where(windows, "s.institution_id", "s.start_at", clock.getZone(), params);
        return """
                select s.id, s.institution_id, s.department, s.kind, s.start_at,
                  case when s.reserved then 1 else 0 end reserved,
                  case when s.reserved and s.released_at is not null then 1 else 0 end released,
                  case when s.reserved and exists (select 1 from scheduling_booking b where b.slot_id = s.id
                      and b.primary_care and b.status <> 'CANCELLED') then 1 else 0 end primary_booked
                from scheduling_slot s where s.kind in %s and (%s)""".formatted(RELEASE_KINDS, where);
    }
}
