package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationStore.instant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentKind;
import org.medunion.consultation.AttachmentView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Plain SQL over the attachments of consultations and the bytes of uploaded documents (V10_60). Rows are added and
 * their TM-9 date stamped once; nothing is ever removed.
 */
@Repository
class ConsultationAttachmentStore {

    private final JdbcClient jdbc;

    ConsultationAttachmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code position}: the attachment's place among those added at the same instant (one request or message). */
    void add(AttachmentView a, int position, byte @Nullable [] content) {
        jdbc.sql("""
                insert into consultation_attachment (id, consultation_id, message_id, kind, title, report_id, result_date,
                  performer_name, content_type, size_bytes, sha256, added_by, institution_id, added_at, batch_order)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(ConsultationStore.row(a.id(), a.consultationId(), a.messageId(), a.kind().name(), a.title(),
                        a.reportId(), a.resultDate(), a.performerName(), a.contentType(), a.size(), a.sha256(), a.addedBy(),
                        a.institutionId(), Timestamp.from(a.addedAt()), position))
                .update();
        if (content != null) {
            jdbc.sql("insert into consultation_attachment_content (attachment_id, content) values (?, ?)")
                    .params(a.id(), content).update();
        }
    }

    List<AttachmentView> of(UUID consultation) {
        return jdbc.sql("select * from consultation_attachment where consultation_id = ? order by added_at, batch_order, id")
                .param(consultation).query(ConsultationAttachmentStore::row).list();
    }

    Optional<AttachmentView> find(UUID consultation, UUID attachment) {
        return jdbc.sql("select * from consultation_attachment where consultation_id = ? and id = ?")
                .params(consultation, attachment).query(ConsultationAttachmentStore::row).optional();
    }

    Optional<byte[]> content(UUID attachment) {
        return jdbc.sql("select content from consultation_attachment_content where attachment_id = ?").param(attachment)
                .query((rs, n) -> rs.getBytes("content")).optional();
    }

    /**
     * TM-9 once the consultation has ended: the request's attachments are kept with the record, a message's with the
     * conversation (process records).
     */
    void stamp(UUID consultation) {
        jdbc.sql("""
                update consultation_attachment set retain_until = (select case when consultation_attachment.message_id is null
                  then r.retain_until else r.process_retain_until end from consultation_retention r
                 where r.consultation_id = consultation_attachment.consultation_id)
                 where consultation_id = ? and retain_until is null""").param(consultation).update();
    }

    @SuppressWarnings("NullAway") // columns declared not null in V10_60
    private static AttachmentView row(ResultSet rs, int n) throws SQLException {
        return new AttachmentView(rs.getObject("id", UUID.class), rs.getObject("consultation_id", UUID.class),
                rs.getObject("message_id", UUID.class), AttachmentKind.valueOf(rs.getString("kind")), rs.getString("title"),
                rs.getObject("report_id", UUID.class), rs.getObject("result_date", LocalDate.class),
                rs.getString("performer_name"), rs.getString("content_type"), rs.getObject("size_bytes", Long.class),
                rs.getString("sha256"), rs.getString("added_by"), rs.getObject("institution_id", UUID.class),
                instant(rs, "added_at"), rs.getObject("retain_until", LocalDate.class));
    }
}
