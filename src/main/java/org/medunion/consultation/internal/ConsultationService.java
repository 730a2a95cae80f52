package org.medunion.consultation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.AttachmentView;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationBox;
import org.medunion.consultation.ConsultationDestination;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationSearch;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationStepView;
import org.medunion.consultation.ConsultationView;
import org.medunion.consultation.ConsultationWorkflow;
import org.medunion.consultation.ConvertToReferral;
import org.medunion.consultation.MessageView;
import org.medunion.consultation.PostMessage;
import org.medunion.consultation.RequestConsultation;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The facade: requests, steps, reads (scoped and audited), the conversation and the deadline job. */
@Service
@Transactional
class ConsultationService implements ConsultationManagement {

    private final ConsultationRequests requests;
    private final ConsultationSteps steps;
    private final ConsultationStore store;
    private final ConsultationLookup lookup;
    private final ConsultationAccess access;
    private final ConsultationViews views;
    private final ConsultationLedger ledger;
    private final ConsultationAttachmentService attachments;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the module's services, injected
    ConsultationService(ConsultationRequests requests, ConsultationSteps steps, ConsultationStore store,
                        ConsultationLookup lookup, ConsultationAccess access, ConsultationViews views, ConsultationLedger ledger,
                        ConsultationAttachmentService attachments, CurrentUsers users, AuditTrail audit, Clock clock) {
        this.requests = requests;
        this.steps = steps;
        this.store = store;
        this.lookup = lookup;
        this.access = access;
        this.views = views;
        this.ledger = ledger;
        this.attachments = attachments;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public ConsultationView request(RequestConsultation command) {
        return requests.request(command);
    }

    @Override
    @Transactional
    public List<ConsultationDestination> destinations(UUID residentId) {
        return requests.destinations(residentId);
    }

    @Override
    public ConsultationView accept(ConsultationId id, AcceptConsultation command) {
        return steps.accept(id, command, users.require(), clock.instant());
    }

    @Override
    public ConsultationView decline(ConsultationId id, ConsultationNote reason) {
        return act(id, ConsultationAction.DECLINE, reason);
    }

    @Override
    public ConsultationView askInformation(ConsultationId id, ConsultationNote question) {
        return act(id, ConsultationAction.ASK_INFO, question);
    }

    @Override
    public ConsultationView answer(ConsultationId id, ConsultationNote answer) {
        return act(id, ConsultationAction.ANSWER, answer);
    }

    @Override
    public ConsultationView start(ConsultationId id) {
        return act(id, ConsultationAction.START, null);
    }

    @Override
    public ConsultationView draftOpinion(ConsultationId id, ConsultationNote opinion) {
        return act(id, ConsultationAction.DRAFT_OPINION, opinion);
    }

    @Override
    public ConsultationView signOpinion(ConsultationId id) {
        return act(id, ConsultationAction.SIGN_OPINION, null);
    }

    @Override
    public ConsultationView acknowledge(ConsultationId id) {
        return act(id, ConsultationAction.ACKNOWLEDGE, null);
    }

    @Override
    public ConsultationView close(ConsultationId id) {
        return act(id, ConsultationAction.CLOSE, null);
    }

    @Override
    public ConsultationView cancel(ConsultationId id, ConsultationNote reason) {
        return act(id, ConsultationAction.CANCEL, reason);
    }

    private ConsultationView act(ConsultationId id, ConsultationAction action, @Nullable ConsultationNote note) {
        return steps.act(id, action, note == null ? null : note.text(), users.require(), clock.instant());
    }

    @Override
    public ConsultationView convertToReferral(ConsultationId id, ConvertToReferral command) {
        return steps.convert(id, command);
    }

    @Override
    @Transactional
    public ConsultationView get(ConsultationId id) {
        CurrentUser user = users.require();
        Consultation c = lookup.visible(id, user);
        audited(c, c.number());
        return views.detail(c);
    }

    @Override
    public List<ConsultationStepView> steps(ConsultationId id) {
        CurrentUser user = users.require();
        Consultation c = lookup.visible(id, user);
        audited(c, "steps");
        return store.steps(c.id());
    }

    @Override
    public List<ConsultationView> list(ConsultationBox box, int limit) {
        return list(box, limit, 0).items();
    }

    @Override
    public Slice<ConsultationView> list(ConsultationBox box, int limit, int offset) {
        CurrentUser user = users.require();
        if (box == null) {
            throw new InvalidInputException("box", "field.required");
        }
        int n = Math.max(1, Math.min(limit, 500));
        var scope = access.visible(user);
        UUID mine = ConsultationAccess.institutionOf(user);
        var params = new ArrayList<Object>(scope.params());
        String where = scope.sql();
        String order = "created_at desc, number desc";
        switch (box) {
            case MINE -> {
                where += " and from_institution_id = ?";
                params.add(mine == null ? new UUID(0, 0) : mine);
            }
            case TO_ME -> {
                where += " and to_institution_id = ? and status not in ('DECLINED', 'CLOSED', 'CANCELLED', 'EXPIRED')";
                params.add(mine == null ? new UUID(0, 0) : mine);
                order = "decide_by, number";
            }
            case OVERDUE -> {
                where += " and status = 'REQUESTED' and (escalated = true or decide_by < ?)";
                params.add(Timestamp.from(clock.instant()));
                order = "decide_by, number";
            }
            case CLOSED -> {
                where += " and status = 'CLOSED'";
                order = "updated_at desc, number desc";
            }
            default -> throw new IllegalStateException(box.name());
        }
        var out = store.query(where, params, order, n, Math.max(0, offset));
        out.forEach(c -> audited(c, "list " + box.name()));
        long total = offset <= 0 && out.size() < n ? out.size() : store.count(where, params);
        return new Slice<>(views.list(out), total);
    }

    @Override
    public Slice<ConsultationView> search(ConsultationSearch search) {
        CurrentUser user = users.require();
        ConsultationSearch s = ConsultationInput.required(search, "search");
        var scope = access.visible(user);
        var where = new StringBuilder(scope.sql());
        var params = new ArrayList<Object>(scope.params());
        filter(where, params, "number = ?", s.number());
        filter(where, params, "to_institution_id = ?", s.toInstitutionId());
        filter(where, params, "from_institution_id = ?", s.fromInstitutionId());
        filter(where, params, "resident_id = ?", s.residentId());
        filter(where, params, "updated_at >= ?", s.updatedFrom() == null ? null : Timestamp.from(s.updatedFrom()));
        filter(where, params, "updated_at <= ?", s.updatedTo() == null ? null : Timestamp.from(s.updatedTo()));
        Set<ConsultationStatus> statuses = s.statuses() == null ? Set.of() : s.statuses();
        if (!statuses.isEmpty()) {
            where.append(" and status in (").append(String.join(", ", Collections.nCopies(statuses.size(), "?")))
                    .append(')');
            statuses.stream().map(Enum::name).sorted().forEach(params::add);
        }
        int limit = Math.max(0, Math.min(s.limit(), 500));
        int offset = Math.max(0, s.offset());
        if (limit == 0) {
            return new Slice<>(List.of(), store.count(where.toString(), params));
        }
        var rows = store.page(where.toString(), params, limit, offset);
        long total = rows.size() < limit && (offset == 0 || !rows.isEmpty()) ? offset + rows.size()
                : store.count(where.toString(), params);
        rows.forEach(c -> audit.record(AuditAction.SEARCH, ConsultationLookup.OBJECT, c.id().toString(),
                c.residentId().toString(), "search"));
        return new Slice<>(views.list(rows), total);
    }

    private static void filter(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    @Override
    public List<MessageView> messages(ConsultationId id) {
        CurrentUser user = users.require();
        Consultation c = party(id, user);
        audited(c, "messages");
        return withAttachments(c, store.messages(c.id()), user);
    }

    @Override
    public MessageView postMessage(ConsultationId id, PostMessage command) {
        CurrentUser user = users.require();
        Consultation c = party(id, user);
        PostMessage m = ConsultationInput.required(command, "body");
        String body = ConsultationInput.requiredText(m.body(), "body", 4000);
        if (m.inReplyTo() != null && !store.hasMessage(c.id(), m.inReplyTo())) {
            throw new InvalidInputException("inReplyTo", ConsultationError.UNKNOWN_MESSAGE, m.inReplyTo());
        }
        UUID inst = ConsultationAccess.institutionOf(user);
        UUID side = inst != null ? inst : c.fromInstitutionId();
        Instant now = clock.instant();
        store.addMessage(c.id(), m.inReplyTo(), user.username(), side, body, now);
        ledger.stampMessages(c.id());
        audit.record(AuditAction.CREATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                "message");
        var all = store.messages(c.id());
        MessageView posted = all.get(all.size() - 1);
        var attached = m.attachments() == null ? List.<AttachmentView>of()
                : attachments.attach(c, posted.id(), m.attachments(), "attachments", user);
        return posted.withAttachments(attached);
    }

    /** Each message with its attachments (decision 0254), read once for the conversation. */
    private List<MessageView> withAttachments(Consultation c, List<MessageView> messages, CurrentUser user) {
        Map<UUID, List<AttachmentView>> byMessage = attachments.visible(c, user).stream()
                .filter(a -> a.messageId() != null)
                .collect(Collectors.groupingBy(a -> Objects.requireNonNull(a.messageId())));
        return messages.stream().map(m -> m.withAttachments(byMessage.getOrDefault(m.id(), List.of()))).toList();
    }

    @Override
    public ConsultationId conversationOf(UUID message) {
        CurrentUser user = users.require();
        UUID consultation = store.consultationOfMessage(message)
                .orElseThrow(() -> new NotFoundException(ConsultationLookup.OBJECT, message));
        return new ConsultationId(party(new ConsultationId(consultation), user).id());
    }

    @Override
    public Set<ConsultationAction> allowedActions(ConsultationId id) {
        CurrentUser user = users.require();
        Consultation c = lookup.visible(id, user);
        var out = EnumSet.noneOf(ConsultationAction.class);
        ConsultationWorkflow.table().getOrDefault(c.status(), Map.of()).keySet().stream()
                .filter(a -> a.isManual() && access.mayAct(user, c, a)).forEach(out::add);
        return out;
    }

    @Override
    public EscalationRun escalateOverdue(Instant now) {
        int[] run = steps.escalateOverdue(now, null);
        return new EscalationRun(run[0], run[1]);
    }

    /** The conversation belongs to the two sides: the office (and anyone else) gets 404. */
    private Consultation party(ConsultationId id, CurrentUser user) {
        Consultation c = lookup.visible(id, user);
        if (!access.isParty(user, c)) {
            throw new NotFoundException(ConsultationLookup.OBJECT, id);
        }
        return c;
    }

    private void audited(Consultation c, String detail) {
        audit.record(AuditAction.READ, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(), detail);
    }
}
