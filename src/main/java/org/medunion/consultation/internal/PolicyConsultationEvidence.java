package org.medunion.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medunion.consultation.ConsultationFee;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ParticipantSide;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionStatus;
import org.medunion.policy.ConsultationEvidenceSource;
import org.medunion.registry.AgreementView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Feeds the policy module's TM-13 and CN-3 checks from the consultation tables: per agreement, the consultations that
 * closed while its fee for their type was above zero and those of them without a price item; per nursing home, the
 * patrol sessions held there. Numbers and counts only — never a resident's data.
 */
@Component
@Transactional(readOnly = true)
class PolicyConsultationEvidence implements ConsultationEvidenceSource {

    private final JdbcClient jdbc;
    private final ConsultationGates gates;
    private final ConsultationLedger ledger;
    private final Clock clock;

    PolicyConsultationEvidence(JdbcClient jdbc, ConsultationGates gates, ConsultationLedger ledger, Clock clock) {
        this.jdbc = jdbc;
        this.gates = gates;
        this.ledger = ledger;
        this.clock = clock;
    }

    @Override
    public ConsultationEvidence evidence(LocalDate day) {
        Map<UUID, Long> due = new HashMap<>();
        Map<UUID, List<String>> uncharged = new HashMap<>();
        jdbc.sql("select agreement_id, count(*) n from consultation_charge where charged_on <= ? group by agreement_id").param(day)
                .query(rs -> {
                    due.merge(rs.getObject("agreement_id", UUID.class), rs.getLong("n"), Long::sum);
                });
        for (Closed c : closedWithoutCharge(day)) {
            // the agreement TM-1 found on the request day, and its fee as it stood when the consultation closed
            LocalDate asked = LocalDate.ofInstant(c.createdAt(), clock.getZone());
            Optional<AgreementView> agreement = gates.agreementOn(c.from(), c.to(), asked);
            Optional<ConsultationFee> fee = agreement.flatMap(a -> ledger.fee(a.id(), c.type()))
                    .filter(f -> f.amount().signum() > 0 && !f.updatedAt().isAfter(c.closedAt()));
            if (fee.isPresent()) {
                UUID id = fee.get().agreementId();
                due.merge(id, 1L, Long::sum);
                uncharged.computeIfAbsent(id, k -> new ArrayList<>()).add(c.number());
            }
        }
        Map<UUID, Fees> fees = new HashMap<>();
        due.forEach((agreement, n) -> fees.put(agreement, new Fees(n, List.copyOf(uncharged.getOrDefault(agreement, List.of())))));
        return new ConsultationEvidence(fees, patrols(day), requests(day), liveSessions(day));
    }

    private record Closed(String number, ConsultationType type, UUID from, UUID to, Instant createdAt, Instant closedAt) {
    }

    private List<Closed> closedWithoutCharge(LocalDate day) {
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        return jdbc.sql("""
                select c.number, c.type, c.from_institution_id, c.to_institution_id, c.created_at, max(s.at) closed_at
                from consultation_consultation c
                join consultation_step s on s.consultation_id = c.id and s.to_status = ?
                where c.status = ? and not exists (select 1 from consultation_charge ch where ch.consultation_id = c.id)
                group by c.id, c.number, c.type, c.from_institution_id, c.to_institution_id, c.created_at
                having max(s.at) < ?
                order by c.number""")
                .params(ConsultationStatus.CLOSED.name(), ConsultationStatus.CLOSED.name(), end)
                .query((rs, n) -> new Closed(rs.getString("number"), ConsultationType.valueOf(rs.getString("type")),
                        rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    /** TM-15: requests by inviting institution up to the end of the day, with those recorded past the zone's hospital. */
    private Map<UUID, Requests> requests(LocalDate day) {
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        Map<UUID, Long> counts = new HashMap<>();
        Map<UUID, List<String>> past = new HashMap<>();
        jdbc.sql("""
                select c.from_institution_id, c.number, w.consultation_id is not null departed
                from consultation_consultation c
                left join consultation_routing_warning w on w.consultation_id = c.id and w.rule_id = 'TM-15'
                where c.created_at < ? order by c.number""").param(end)
                .query(rs -> {
                    UUID from = rs.getObject("from_institution_id", UUID.class);
                    counts.merge(from, 1L, Long::sum);
                    if (rs.getBoolean("departed")) {
                        past.computeIfAbsent(from, k -> new ArrayList<>()).add(rs.getString("number"));
                    }
                });
        Map<UUID, Requests> out = new HashMap<>();
        counts.forEach((from, n) -> out.put(from, new Requests(n, List.copyOf(past.getOrDefault(from, List.of())))));
        return out;
    }

    /** TM-6: the live sessions held up to the end of the day, by inviting institution, with its physicians present. */
    private Map<UUID, List<LiveSession>> liveSessions(LocalDate day) {
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        Map<UUID, List<LiveSession>> out = new HashMap<>();
        jdbc.sql("""
                select c.from_institution_id, c.number,
                       (select count(*) from consultation_live_participant p
                         where p.session_id = ls.id and p.side = ? and p.physician = ?) physicians
                from consultation_live_session ls join consultation_consultation c on c.id = ls.consultation_id
                where ls.held_at < ? order by c.number, ls.held_at""")
                .params(ParticipantSide.INVITING.name(), true, end)
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject("from_institution_id", UUID.class), k -> new ArrayList<>())
                            .add(new LiveSession(rs.getString("number"), rs.getInt("physicians")));
                });
        return out;
    }

    /** CN-3: held patrol sessions by the nursing home visited (the series' host site), up to the end of the day. */
    private Map<UUID, Long> patrols(LocalDate day) {
        Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        Map<UUID, Long> out = new HashMap<>();
        jdbc.sql("""
                select se.host_institution_id, count(*) n from consultation_session s
                join consultation_series se on se.id = s.series_id
                where se.kind = ? and s.status = ? and s.starts_at < ?
                group by se.host_institution_id""")
                .params(SessionKind.NURSING_HOME_PATROL.name(), SessionStatus.HELD.name(), end)
                .query(rs -> {
                    out.put(rs.getObject("host_institution_id", UUID.class), rs.getLong("n"));
                });
        return out;
    }
}
