package org.medunion.consultation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.AttachmentContent;
import org.medunion.consultation.AttachmentKind;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsultationAttachments;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ResultAttachment;
import org.medunion.consultation.UploadDocument;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ReportId;
import org.medunion.diagnostics.ReportView;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.DocumentType;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attachments (decision 0254): results read through the diagnostics module as the caller, documents checked by their
 * first bytes and size, both written with who, when and from which side, audited with the resident as subject.
 */
@Service
@Transactional
class ConsultationAttachmentService implements ConsultationAttachments {

    /** At most this many results in one request, message or call. */
    static final int MAX_RESULTS = 20;
    static final int TITLE_MAX = 200;
    /** The documents a consultation takes (decision 0254): no spreadsheets. */
    private static final Set<DocumentType> ACCEPTED = EnumSet.of(DocumentType.PDF, DocumentType.JPEG, DocumentType.PNG);

    private final ConsultationLookup lookup;
    private final ConsultationAccess access;
    private final ConsultationStore consultations;
    private final ConsultationAttachmentStore store;
    private final DiagnosticsManagement diagnostics;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of one use case, injected
    ConsultationAttachmentService(ConsultationLookup lookup, ConsultationAccess access, ConsultationStore consultations,
                                  ConsultationAttachmentStore store, DiagnosticsManagement diagnostics, CurrentUsers users,
                                  AuditTrail audit, Clock clock) {
        this.lookup = lookup;
        this.access = access;
        this.consultations = consultations;
        this.store = store;
        this.diagnostics = diagnostics;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public List<AttachmentView> attach(ConsultationId id, @Nullable UUID messageId, List<ResultAttachment> results) {
        CurrentUser user = users.require();
        Consultation c = party(id, user);
        message(c, messageId);
        return attach(c, messageId, results == null ? List.of() : results, "results", user);
    }

    /** The results of a new request or message, checked (400/404 naming {@code field[i]}) then written. */
    List<AttachmentView> attach(Consultation c, @Nullable UUID messageId, List<ResultAttachment> results, String field,
                                CurrentUser user) {
        if (results.size() > MAX_RESULTS) {
            throw new InvalidInputException(field, ConsultationError.TOO_MANY_ATTACHMENTS, MAX_RESULTS);
        }
        var checked = new ArrayList<AttachmentView>();
        Instant now = clock.instant();
        for (int i = 0; i < results.size(); i++) {
            checked.add(result(c, messageId, results.get(i), field + "[" + i + "]", user, now));
        }
        for (int i = 0; i < checked.size(); i++) {
            AttachmentView a = checked.get(i);
            store.add(a, i, null);
            audit.record(AuditAction.CREATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                    "attachment " + a.kind().name() + " " + a.reportId());
        }
        store.stamp(c.id());
        return checked;
    }

    private AttachmentView result(Consultation c, @Nullable UUID messageId, @Nullable ResultAttachment r, String f,
                                  CurrentUser user, Instant now) {
        ResultAttachment given = ConsultationInput.required(r, f);
        UUID reportId = ConsultationInput.required(given.reportId(), f + ".reportId");
        AttachmentKind kind = given.kind() == null ? AttachmentKind.RESULT : given.kind();
        if (!kind.byReference()) {
            throw new InvalidInputException(f + ".kind", ConsultationError.NOT_BY_REFERENCE, kind.name());
        }
        ReportView report;
        try {
            report = diagnostics.report(new ReportId(reportId));
        } catch (NotFoundException e) {
            throw new UnreadableResultException(f + ".reportId", reportId);
        }
        if (!report.residentId().equals(c.residentId())) {
            throw new InvalidInputException(f + ".reportId", ConsultationError.OTHER_RESIDENT, reportId);
        }
        if (kind == AttachmentKind.IMAGING_STUDY && report.study() == null && report.studyUrl() == null) {
            throw new InvalidInputException(f + ".kind", ConsultationError.NOT_IMAGING, reportId);
        }
        String title = report.itemName().length() > TITLE_MAX ? report.itemName().substring(0, TITLE_MAX) : report.itemName();
        return new AttachmentView(UUID.randomUUID(), c.id(), messageId, kind, title, reportId, report.resultDate(),
                report.performerName(), null, null, null, user.username(), side(user, c), now, null);
    }

    @Override
    public AttachmentView upload(ConsultationId id, UploadDocument document) {
        CurrentUser user = users.require();
        Consultation c = party(id, user);
        UploadDocument d = ConsultationInput.required(document, "file");
        message(c, d.messageId());
        byte[] content = d.content();
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "field.required");
        }
        if (content.length > MAX_UPLOAD_BYTES) {
            throw new InvalidInputException("file", ConsultationError.DOCUMENT_TOO_LARGE, MAX_UPLOAD_BYTES / (1024 * 1024));
        }
        DocumentType type = DocumentType.of(content, ACCEPTED).filter(t -> t.agrees(d.declaredType()))
                .orElseThrow(() -> new InvalidInputException("file", ConsultationError.DOCUMENT_TYPE));
        String title = ConsultationInput.optionalText(d.title(), "title", TITLE_MAX);
        if (title == null) {
            title = ConsultationInput.requiredText(DocumentType.baseName(d.fileName()), "title", TITLE_MAX);
        }
        var a = new AttachmentView(UUID.randomUUID(), c.id(), d.messageId(), AttachmentKind.DOCUMENT, title, null, null, null,
                type.mediaType(), (long) content.length, DocumentType.sha256(content), user.username(), side(user, c), clock.instant(),
                null);
        store.add(a, 0, content);
        store.stamp(c.id());
        audit.record(AuditAction.CREATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                "attachment DOCUMENT " + a.id());
        return store.find(c.id(), a.id()).orElseThrow();
    }

    @Override
    public List<AttachmentView> attachments(ConsultationId id) {
        CurrentUser user = users.require();
        Consultation c = lookup.visible(id, user);
        audit.record(AuditAction.READ, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                "attachments");
        return visible(c, user);
    }

    /** Without an audit record: for a read the caller's facade call already audits. */
    List<AttachmentView> visible(Consultation c, CurrentUser user) {
        boolean party = access.isParty(user, c);
        return store.of(c.id()).stream().filter(a -> party || a.messageId() == null).toList();
    }

    @Override
    public AttachmentContent download(ConsultationId id, UUID attachment) {
        CurrentUser user = users.require();
        Consultation c = lookup.visible(id, user);
        AttachmentView a = store.find(c.id(), ConsultationInput.required(attachment, "attachment"))
                .filter(x -> x.messageId() == null || access.isParty(user, c))
                .filter(x -> x.kind() == AttachmentKind.DOCUMENT)
                .orElseThrow(() -> new NotFoundException("ConsultationAttachment", attachment));
        byte[] content = store.content(a.id()).orElseThrow(() -> new NotFoundException("ConsultationAttachment", attachment));
        audit.record(AuditAction.READ, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                "attachment " + a.id());
        return new AttachmentContent(a, content);
    }

    /** Only the two sides attach: others who may see the consultation (its office) are 403, the rest 404. */
    private Consultation party(ConsultationId id, CurrentUser user) {
        Consultation c = lookup.visible(id, user);
        if (!access.isParty(user, c)) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, "ATTACH");
        }
        return c;
    }

    private void message(Consultation c, @Nullable UUID messageId) {
        if (messageId != null && !consultations.hasMessage(c.id(), messageId)) {
            throw new InvalidInputException("messageId", ConsultationError.UNKNOWN_MESSAGE, messageId);
        }
    }

    private static UUID side(CurrentUser user, Consultation c) {
        UUID inst = ConsultationAccess.institutionOf(user);
        return inst != null ? inst : c.fromInstitutionId();
    }

}
