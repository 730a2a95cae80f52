package org.medunion.indicators.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.medunion.indicators.AssessmentManagement;
import org.medunion.indicators.AssessmentManagement.UploadEvidence;
import org.medunion.indicators.Dimension;
import org.medunion.indicators.IndicatorsError;
import org.medunion.shared.DocumentType;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;
import org.medunion.shared.TextRules.Kind;

/** An evidence upload checked field by field (decision 0264): the dimension, then the file's presence, size and type. */
final class EvidenceInputs {

    /** Scanned documents, photos and workbooks: what a self-assessment's evidence is. */
    static final Set<DocumentType> ACCEPTED = EnumSet.of(DocumentType.PDF, DocumentType.JPEG, DocumentType.PNG, DocumentType.XLSX);
    static final int FILE_NAME_MAX = 200;

    private EvidenceInputs() {
    }

    record File(Dimension dimension, String fileName, DocumentType type, byte[] content) {
    }

    static File file(UploadEvidence upload, List<Dimension> assessed) {
        String id = TextRules.required(upload.dimension(), "dimension", Kind.LINE, 4);
        Dimension dimension = Dimension.byId(id).filter(assessed::contains).orElseThrow(() -> new InvalidInputException("dimension",
                IndicatorsError.UNKNOWN_DIMENSION, "dimension", id, String.join("、", assessed.stream().map(Dimension::id).toList())));
        byte[] content = upload.content();
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "field.required");
        }
        if (content.length > AssessmentManagement.MAX_EVIDENCE_BYTES) {
            throw new InvalidInputException("file", IndicatorsError.EVIDENCE_TOO_LARGE,
                    AssessmentManagement.MAX_EVIDENCE_BYTES / (1024 * 1024));
        }
        DocumentType type = DocumentType.of(content, ACCEPTED).filter(t -> t.agrees(upload.declaredType()))
                .orElseThrow(() -> new InvalidInputException("file", IndicatorsError.EVIDENCE_TYPE));
        String base = DocumentType.baseName(upload.fileName());
        String name = base == null || base.isBlank() ? dimension.id() + type.extension() : base;
        return new File(dimension, TextRules.required(name, "file", Kind.NAME, FILE_NAME_MAX), type, content);
    }
}
