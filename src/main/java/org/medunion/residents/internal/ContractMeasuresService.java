package org.medunion.residents.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.medunion.residents.ContractMeasures;
import org.medunion.residents.ContractStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ContractMeasures} over one per-resident query of the resident index and the contracts: {@link #coverage} sums it
 * and {@link #residentRecords} lists it, so I-11 and the rows behind it cannot disagree.
 */
@Service
@Transactional(readOnly = true)
class ContractMeasuresService implements ContractMeasures {

    private final JdbcClient jdbc;
    private final Clock clock;

    ContractMeasuresService(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Coverage coverage(Collection<UUID> institutions, LocalDate day) {
        if (institutions.isEmpty()) {
            return Coverage.NONE;
        }
        var params = new ArrayList<Object>();
        String rows = perResident(institutions, day, params);
        return jdbc.sql("""
                select count(*) n, coalesce(sum(k.c), 0) c,
                       coalesce(sum(k.e), 0) e, coalesce(sum(k.e * k.c), 0) ec,
                       coalesce(sum(k.ch), 0) ch, coalesce(sum(k.ch * k.c), 0) chc
                from (%s) k""".formatted(rows))
                .params(params)
                .query((rs, n) -> new Coverage(rs.getLong("n"), rs.getLong("c"), rs.getLong("e"), rs.getLong("ec"),
                        rs.getLong("ch"), rs.getLong("chc")))
                .single();
    }

    @Override
    public List<CountedResident> residentRecords(Collection<UUID> institutions, LocalDate day, int limit) {
        if (institutions.isEmpty()) {
            return List.of();
        }
        var params = new ArrayList<Object>();
        String rows = perResident(institutions, day, params);
        params.add(Math.max(1, Math.min(limit, 1000)));
        return jdbc.sql("""
                select k.source_institution, k.e, k.ch, t.institution_id team_institution, t.name team, x.start_date,
                       x.end_date, x.status
                from (%s) k
                left join residents_contract x on x.id = k.contract_id
                left join residents_team t on t.id = x.team_id
                order by k.c desc, x.start_date desc, x.id, k.id limit ?""".formatted(rows))
                .params(params)
                .query((rs, n) -> {
                    Date signed = rs.getDate("start_date");
                    Date ends = rs.getDate("end_date");
                    String status = rs.getString("status");
                    return new CountedResident(rs.getObject("source_institution", UUID.class),
                            rs.getInt("e") == 1 ? AgeGroup.ELDERLY : rs.getInt("ch") == 1 ? AgeGroup.CHILD : AgeGroup.OTHER,
                            rs.getObject("team_institution", UUID.class), rs.getString("team"),
                            signed == null ? null : signed.toLocalDate(), ends == null ? null : ends.toLocalDate(),
                            status == null ? null : ContractStatus.valueOf(status));
                })
                .list();
    }

    /**
     * One row per resident registered by one of the institutions by {@code day}: the contract in force that day (an
     * ended contract stops covering on the day it was ended; the latest begun if several), 0/1 for contracted, elderly
     * (65 and over) and child (0–6).
     */
    private String perResident(Collection<UUID> institutions, LocalDate day, List<Object> params) {
        Date d = Date.valueOf(day);
        params.add(d);
        params.add(d);
        params.add(d);
        params.add(Date.valueOf(day.minusYears(65)));
        params.add(Date.valueOf(day.minusYears(7)));
        params.add(Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        String in = String.join(", ", institutions.stream().map(i -> "?").toList());
        params.addAll(List.copyOf(institutions));
        return """
                select y.id, y.source_institution, y.contract_id, y.e, y.ch,
                       case when y.contract_id is not null then 1 else 0 end c
                from (select r.id, r.source_institution,
                             (select c.id from residents_contract c where c.resident_id = r.id
                                and c.start_date <= ? and c.end_date >= ? and (c.status <> 'ENDED' or c.end_date > ?)
                                order by c.start_date desc, c.id fetch first 1 rows only) contract_id,
                             case when r.birth_date <= ? then 1 else 0 end e,
                             case when r.birth_date > ? then 1 else 0 end ch
                      from residents_resident r
                      where r.created_at < ? and r.source_institution in (%s)) y""".formatted(in);
    }
}
