package org.medunion.diagnostics;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The imaging study a report describes, as a member's PACS sends it (FHIR ImagingStudy, decision 0238): the DICOM
 * Study Instance UID, the modalities (DICOM codes such as CT, MR), when the study started and how many series and
 * instances the PACS holds. Only these figures travel; the images stay at the centre, reached through the report's
 * study address (the Endpoint's WADO-RS base).
 *
 * @param uid        the Study Instance UID (digits and dots, at most 64 characters), without {@code urn:oid:}
 * @param modalities DICOM modality codes, in the order sent (empty when none was sent)
 */
public record ReportStudy(@Nullable String uid, List<String> modalities, @Nullable Instant started, @Nullable Integer series,
                          @Nullable Integer instances) {

    public ReportStudy {
        modalities = modalities == null ? List.of() : List.copyOf(modalities);
    }
}
