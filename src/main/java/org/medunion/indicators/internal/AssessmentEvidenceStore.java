package org.medunion.indicators.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.medunion.indicators.AssessmentView.Actor;
import org.medunion.indicators.AssessmentView.Evidence;
import org.medunion.indicators.Dimension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evidence files of a self-assessment (indicators_assessment_evidence*, decision 0264): metadata and bytes in two
 * tables, both written in the upload's transaction; the service removes rows only while the assessment is not frozen.
 */
@Repository
class AssessmentEvidenceStore {

    private final JdbcClient jdbc;

    AssessmentEvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(UUID assessment, Evidence e, byte[] content) {
        jdbc.sql("insert into indicators_assessment_evidence (id, assessment_id, dimension, file_name, content_type, size_bytes, "
                + "sha256, uploaded_by, uploaded_by_name, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), assessment, e.dimension().id(), e.fileName(), e.contentType(), e.size(), e.sha256(),
                        e.by().username(), e.by().name(), Timestamp.from(e.by().at()))
                .update();
        jdbc.sql("insert into indicators_assessment_evidence_content (evidence_id, content) values (?, ?)").params(e.id(), content)
                .update();
    }

    List<Evidence> list(UUID assessment) {
        return jdbc.sql("select * from indicators_assessment_evidence where assessment_id = ? order by uploaded_at, file_name, id")
                .param(assessment).query((rs, n) -> evidence(rs)).list();
    }

    Optional<Evidence> find(UUID assessment, UUID evidence) {
        return jdbc.sql("select * from indicators_assessment_evidence where assessment_id = ? and id = ?").params(assessment, evidence)
                .query((rs, n) -> evidence(rs)).optional();
    }

    Optional<byte[]> content(UUID evidence) {
        return jdbc.sql("select content from indicators_assessment_evidence_content where evidence_id = ?").param(evidence)
                .query((rs, n) -> rs.getBytes("content")).optional();
    }

    void remove(UUID evidence) {
        jdbc.sql("delete from indicators_assessment_evidence_content where evidence_id = ?").param(evidence).update();
        jdbc.sql("delete from indicators_assessment_evidence where id = ?").param(evidence).update();
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        return new Evidence(rs.getObject("id", UUID.class), Dimension.byId(rs.getString("dimension")).orElseThrow(),
                rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                new Actor(rs.getString("uploaded_by"), rs.getString("uploaded_by_name"), rs.getTimestamp("uploaded_at").toInstant()));
    }
}
