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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link ContractMeasures} in one statement over the resident index and the contracts. */
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
        Date d = Date.valueOf(day);
        params.add(d);
        params.add(d);
        params.add(d); // an ended contract stops covering on the day it was ended
        params.add(Date.valueOf(day.minusYears(65)));
        params.add(Date.valueOf(day.minusYears(7)));
        params.add(Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant()));
        String in = String.join(", ", institutions.stream().map(i -> "?").toList());
        params.addAll(List.copyOf(institutions));
        return jdbc.sql("""
                select count(*) n, coalesce(sum(k.c), 0) c,
                       coalesce(sum(k.e), 0) e, coalesce(sum(k.e * k.c), 0) ec,
                       coalesce(sum(k.ch), 0) ch, coalesce(sum(k.ch * k.c), 0) chc
                from (select case when exists (select 1 from residents_contract c where c.resident_id = r.id
                                   and c.start_date <= ? and c.end_date >= ?
                                   and (c.status <> 'ENDED' or c.end_date > ?)) then 1 else 0 end c,
                             case when r.birth_date <= ? then 1 else 0 end e,
                             case when r.birth_date > ? then 1 else 0 end ch
                      from residents_resident r
                      where r.created_at < ? and r.source_institution in (%s)) k""".formatted(in))
                .params(params)
                .query((rs, n) -> new Coverage(rs.getLong("n"), rs.getLong("c"), rs.getLong("e"), rs.getLong("ec"),
                        rs.getLong("ch"), rs.getLong("chc")))
                .single();
    }
}
