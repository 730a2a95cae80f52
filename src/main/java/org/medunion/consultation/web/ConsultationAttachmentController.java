package org.medunion.consultation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.AttachmentContent;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsultationAttachments;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ResultAttachment;
import org.medunion.consultation.UploadDocument;
import org.medunion.shared.DocumentType;
import org.medunion.shared.web.Downloads;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * REST API of consultation attachments (decision 0254): results by reference and uploaded documents, on the request or
 * on one message of the conversation; the download is an audited read.
 */
@RestController
@RequestMapping("/api/consultations/{id}/attachments")
@Tag(name = "Consultation", description = "Attachments of a consultation: results by reference, uploaded documents")
class ConsultationAttachmentController {

    private final ConsultationAttachments attachments;

    ConsultationAttachmentController(ConsultationAttachments attachments) {
        this.attachments = attachments;
    }

    /** Results to attach, to the request or to one message. */
    record AttachResults(@Nullable UUID messageId, @Nullable List<ResultAttachment> results) {
    }

    @GetMapping
    @Operation(summary = "The request's attachments and, for the two sides, the conversation's (audited)")
    List<AttachmentView> list(@PathVariable UUID id) {
        return attachments.attachments(new ConsultationId(id));
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Attach results or imaging studies of the same resident by reference (two sides only)")
    ResponseEntity<List<AttachmentView>> attach(@PathVariable UUID id, @RequestBody(required = false) @Nullable AttachResults body) {
        List<ResultAttachment> results = body == null || body.results() == null ? List.of() : body.results();
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.attach(new ConsultationId(id),
                body == null ? null : body.messageId(), results));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a document (PDF, JPEG or PNG, at most 4 MiB; two sides only)")
    ResponseEntity<AttachmentView> upload(@PathVariable UUID id,
                                          @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
                                          @RequestParam(required = false) @Nullable String title,
                                          @RequestParam(required = false) @Nullable UUID messageId)
            throws IOException {
        return ResponseEntity.status(HttpStatus.CREATED).body(attachments.upload(new ConsultationId(id), document(file, title,
                messageId)));
    }

    @GetMapping("/{attachment}/content")
    @Operation(summary = "Download an uploaded document (audited read; two sides and the consortium office)")
    ResponseEntity<byte[]> download(@PathVariable UUID id, @PathVariable UUID attachment) {
        return file(attachments.download(new ConsultationId(id), attachment));
    }

    static UploadDocument document(@Nullable MultipartFile file, @Nullable String title, @Nullable UUID messageId)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return new UploadDocument(title, null, null, null, messageId);
        }
        return new UploadDocument(title, file.getOriginalFilename(), file.getContentType(), file.getBytes(), messageId);
    }

    /** The bytes as a download, never shown inline (the type was checked on upload, the browser must not sniff). */
    static ResponseEntity<byte[]> file(AttachmentContent content) {
        AttachmentView a = content.attachment();
        String extension = DocumentType.ofMediaType(a.contentType()).map(DocumentType::extension).orElse("");
        return Downloads.attachment(content.content(), a.title() + extension, a.contentType());
    }
}
