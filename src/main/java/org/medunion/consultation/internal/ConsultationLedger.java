package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationStore.byConsultation;
import static org.medunion.consultation.internal.ConsultationStore.instant;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.medunion.consultation.ConsultationFee;
import org.medunion.consultation.ConsultationType;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.FeePayer;
import org.medunion.consultation.RetentionClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over what a consultation files when it ends: the office's price list (TM-13, per registry agreement and
 * type), the price item recorded once per consultation, and the retention class and dates (TM-9). The primary keys
 * make both records once-only: a second insert finds the row and writes nothing.
 */
@Repository
class ConsultationLedger {

    private final JdbcClient jdbc;

    ConsultationLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ConsultationFee> fees(UUID agreement) {
        return jdbc.sql("select * from consultation_fee where agreement_id = ? order by consultation_type")
                .param(agreement).query(ConsultationLedger::fee).list();
    }

    Optional<ConsultationFee> fee(UUID agreement, ConsultationType type) {
        return jdbc.sql("select * from consultation_fee where agreement_id = ? and consultation_type = ?")
                .params(agreement, type.name()).query(ConsultationLedger::fee).optional();
    }

    void putFee(ConsultationFee f) {
        int n = jdbc.sql("""
                update consultation_fee set amount = ?, payer = ?, updated_by = ?, updated_at = ?
                 where agreement_id = ? and consultation_type = ?""")
                .params(f.amount(), f.payer().name(), f.updatedBy(), Timestamp.from(f.updatedAt()), f.agreementId(), f.type().name())
                .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into consultation_fee (agreement_id, consultation_type, amount, payer, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(f.agreementId(), f.type().name(), f.amount(), f.payer().name(), f.updatedBy(),
                            Timestamp.from(f.updatedAt()))
                    .update();
        }
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_10
    private static ConsultationFee fee(ResultSet rs, int n) throws SQLException {
        return new ConsultationFee(rs.getObject("agreement_id", UUID.class),
                ConsultationType.valueOf(rs.getString("consultation_type")), rs.getBigDecimal("amount"),
                FeePayer.valueOf(rs.getString("payer")), rs.getString("updated_by"), instant(rs, "updated_at"));
    }

    Optional<ConsultationView.Charge> charge(UUID consultation) {
        return Optional.ofNullable(charges(List.of(consultation)).get(consultation));
    }

    /** The price items of a page of consultations in one read (TM-13). */
    Map<UUID, ConsultationView.Charge> charges(Collection<UUID> consultations) {
        return byConsultation(jdbc, "select * from consultation_charge where consultation_id in (:ids)", consultations,
                ConsultationLedger::charge);
    }

    /** Records the price item unless the consultation has one; whether it wrote it. */
    boolean addCharge(UUID consultation, ConsultationType type, ConsultationView.Charge c) {
        if (charge(consultation).isPresent()) {
            return false;
        }
        jdbc.sql("""
                insert into consultation_charge (consultation_id, agreement_id, consultation_type, amount, currency, payer,
                  charged_on, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consultation, c.agreementId(), type.name(), c.amount(), c.currency(), c.payer().name(),
                        c.chargedOn(), Timestamp.from(c.recordedAt()))
                .update();
        return true;
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_10
    private static ConsultationView.Charge charge(ResultSet rs, int n) throws SQLException {
        BigDecimal amount = rs.getBigDecimal("amount");
        return new ConsultationView.Charge(rs.getObject("agreement_id", UUID.class), amount, rs.getString("currency"),
                FeePayer.valueOf(rs.getString("payer")), rs.getObject("charged_on", LocalDate.class),
                instant(rs, "recorded_at"));
    }

    Optional<ConsultationView.Retention> retention(UUID consultation) {
        return Optional.ofNullable(retentions(List.of(consultation)).get(consultation));
    }

    /** The retention classes of a page of consultations in one read (TM-9). */
    Map<UUID, ConsultationView.Retention> retentions(Collection<UUID> consultations) {
        return byConsultation(jdbc, "select * from consultation_retention where consultation_id in (:ids)", consultations,
                (rs, n) -> new ConsultationView.Retention(RetentionClass.valueOf(rs.getString("retention_class")),
                        rs.getObject("retain_until", LocalDate.class), rs.getObject("process_retain_until", LocalDate.class)));
    }

    /** Fixes the retention once; the conversation's messages take the process-record date. */
    void retain(UUID consultation, ConsultationView.Retention r, Instant at) {
        if (retention(consultation).isEmpty()) {
            jdbc.sql("""
                    insert into consultation_retention (consultation_id, retention_class, retain_until, process_retain_until,
                      decided_at) values (?, ?, ?, ?, ?)""")
                    .params(consultation, r.retentionClass().name(), r.retainUntil(), r.processRetainUntil(), Timestamp.from(at))
                    .update();
        }
        stampMessages(consultation);
    }

    /** Messages of an ended consultation without a retain-until date take its process-record date. */
    void stampMessages(UUID consultation) {
        jdbc.sql("""
                update consultation_message set retain_until = (select r.process_retain_until from consultation_retention r
                 where r.consultation_id = consultation_message.consultation_id)
                 where consultation_id = ? and retain_until is null""").param(consultation).update();
    }
}
