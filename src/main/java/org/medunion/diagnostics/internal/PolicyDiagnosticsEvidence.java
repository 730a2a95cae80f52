package org.medunion.diagnostics.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.medunion.diagnostics.DecisionOutcome;
import org.medunion.policy.DiagnosticsEvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link DiagnosticsEvidenceSource} from the centre and decision tables, one grouped query each. */
@Component
@Transactional(readOnly = true)
class PolicyDiagnosticsEvidence implements DiagnosticsEvidenceSource {

    private final JdbcClient jdbc;
    private final Clock clock;

    PolicyDiagnosticsEvidence(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Map<UUID, Set<String>> centreTypes() {
        Map<UUID, Set<String>> out = new HashMap<>();
        jdbc.sql("select distinct consortium_id, centre_type from diagnostics_centre").query(rs -> {
            out.computeIfAbsent(rs.getObject("consortium_id", UUID.class), k -> new TreeSet<>()).add(rs.getString("centre_type"));
        });
        return out;
    }

    @Override
    public Map<UUID, Long> recognitions(LocalDate from, LocalDate to) {
        Map<UUID, Long> out = new HashMap<>();
        jdbc.sql("""
                select ordering_institution_id, count(*) n from diagnostics_decision
                 where outcome = ? and decided_at >= ? and decided_at < ? group by ordering_institution_id""")
                .params(DecisionOutcome.RECOGNISED.name(), Timestamp.from(from.atStartOfDay(clock.getZone()).toInstant()),
                        Timestamp.from(to.plusDays(1).atStartOfDay(clock.getZone()).toInstant()))
                .query(rs -> {
                    out.put(rs.getObject("ordering_institution_id", UUID.class), rs.getLong("n"));
                });
        return out;
    }
}
