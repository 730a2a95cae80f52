package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralStore.cols;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.shared.Slice;
import org.medunion.referral.AcceptReferral;
import org.medunion.referral.CompleteReferral;
import org.medunion.referral.CreateReferral;
import org.medunion.referral.CriterionView;
import org.medunion.referral.DefineCriterion;
import org.medunion.referral.DestinationSuggestion;
import org.medunion.referral.DestinationType;
import org.medunion.referral.EscalationRun;
import org.medunion.referral.RedirectReferral;
import org.medunion.referral.ReferralAccepted;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralCompleted;
import org.medunion.referral.ReferralDirection;
import org.medunion.referral.ReferralEscalated;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralRedirected;
import org.medunion.referral.ReferralRejected;
import org.medunion.referral.ReferralSearch;
import org.medunion.referral.ReferralStatistics;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralSubmitted;
import org.medunion.referral.ReferralView;
import org.medunion.referral.ReferralWorkflow;
import org.medunion.referral.RejectReferral;
import org.medunion.referral.TransitionView;
import org.medunion.referral.Urgency;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.Masking;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.ResidentIdNumber;
import org.medunion.shared.TextRules;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The referral workflow (product.md §5): every change checks the caller's side, the transition table
 * ({@link ReferralWorkflow}), records the transition with who and when, audits it with the resident as
 * subject, and publishes its event in the same transaction (Modulith outbox, R-2).
 */
@Service
@Transactional
class ReferralService implements ReferralManagement {

    static final String SYSTEM = "system";
    static final String OBJECT = "Referral";
    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,4})?");
    private static final Pattern ICD10_PREFIX = Pattern.compile("[A-Z]([0-9]{1,2}(\\.[0-9A-Z]{0,4})?)?");
    /** Caps on the lists of one referral (issue 10: one referral once carried 60,000 attachments). */
    static final int MAX_ATTACHMENTS = 20;
    static final int MAX_LIST = 50;

    private final ReferralStore store;
    private final CriteriaStore criteria;
    private final RoutingPolicy routing;
    private final Directory directory;
    private final ReferralSettings settings;
    private final CapacityBooking booking;
    private final ReferenceCheck references;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FollowUpDesk followUps;
    private final ActionChoices actionChoices;
    private final ReferralAccess access;

    ReferralService(ReferralStore store, CriteriaStore criteria, RoutingPolicy routing, Directory directory,
                    ReferralSettings settings, CapacityBooking booking, ReferenceCheck references, CurrentUsers users,
                    AuditTrail audit, ApplicationEventPublisher events, Clock clock, FollowUpDesk followUps,
                    ActionChoices actionChoices, ReferralAccess access) {
        this.access = access;
        this.store = store;
        this.criteria = criteria;
        this.routing = routing;
        this.directory = directory;
        this.settings = settings;
        this.booking = booking;
        this.references = references;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.followUps = followUps;
        this.actionChoices = actionChoices;
    }

    // ---------------------------------------------------------------- create and submit

    @Override
    public ReferralView create(CreateReferral c, String idempotencyKey) {
        CurrentUser user = users.require();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            if (idempotencyKey.length() > 100) {
                throw new InvalidInputException("Idempotency-Key", ReferralError.IDEMPOTENCY_KEY_TOO_LONG);
            }
            var earlier = store.idempotent(idempotencyKey, user.username());
            if (earlier.isPresent()) {
                return get(new ReferralId(earlier.get()));
            }
        }
        if (c == null) {
            throw new InvalidInputException("body", "field.required");
        }
        if (!ReferralAccess.unrestricted(user) && !ReferralAccess.jurisdictional(user) && !ReferralAccess.clinician(user)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CREATE");
        }
        UUID from = c.fromInstitutionId() != null ? c.fromInstitutionId() : ReferralAccess.institutionOf(user);
        required(from, "fromInstitutionId");
        if (!access.canSendFrom(user, from)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CREATE");
        }
        ReferralRow row = newRow(c, from, user.username(), clock.instant());
        boolean submit = Boolean.TRUE.equals(c.submit());
        insertWithParts(row, c, user.username());
        if (submit) {
            row = doSubmit(row, user.username(), clock.instant());
        }
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            store.rememberIdempotent(idempotencyKey, user.username(), row.id(), clock.instant());
        }
        audit.record(AuditAction.CREATE, OBJECT, row.id().toString(), row.residentId().toString(), row.number());
        return view(store.find(row.id()).orElseThrow(), user, true);
    }

    /** Validates the command and builds the draft row (nothing written yet). */
    private ReferralRow newRow(CreateReferral c, UUID from, String username, Instant now) {
        required(c.direction(), "direction");
        required(c.residentId(), "residentId");
        String idNumber = c.residentIdNumber() == null || c.residentIdNumber().isBlank() ? null
                : ResidentIdNumber.parse(c.residentIdNumber(), "residentIdNumber").value();
        requiredText(c.reason(), "reason", 1000);
        requiredText(c.diagnosisCode(), "diagnosisCode", 10);
        String icd = c.diagnosisCode().trim().toUpperCase();
        if (!ICD10.matcher(icd).matches()) {
            throw new InvalidInputException("diagnosisCode", ReferralError.INVALID_ICD10, c.diagnosisCode());
        }
        requiredText(c.diagnosisText(), "diagnosisText", 200);
        required(c.urgency(), "urgency");
        optionalText(c.clinicalSummary(), "clinicalSummary", 4000);
        optionalText(c.noCriteriaReason(), "noCriteriaReason", 1000);
        optionalText(c.toDepartment(), "toDepartment", 100);
        optionalText(c.residentName(), "residentName", 100);
        TextRules.characters(c.residentName(), "residentName", TextRules.Kind.NAME);
        TextRules.characters(c.toDepartment(), "toDepartment", TextRules.Kind.LINE);
        validateParts(c);
        boolean toDesk = Boolean.TRUE.equals(c.toDesk());
        if (c.toInstitutionId() == null && !toDesk) {
            throw new InvalidInputException("toInstitutionId", ReferralError.NO_RECEIVER);
        }
        if (from.equals(c.toInstitutionId())) {
            throw new InvalidInputException("toInstitutionId", ReferralError.SAME_INSTITUTION);
        }
        references.create(c, from);
        UUID consortium = c.consortiumId() != null ? c.consortiumId()
                : directory.commonConsortium(from, c.toInstitutionId()).orElse(null);
        if (toDesk && consortium == null) {
            throw new InvalidInputException("consortiumId", "field.required");
        }
        boolean down = c.direction() == ReferralDirection.DOWN;
        if (down && c.destinationType() == null) {
            throw new InvalidInputException("destinationType", "field.required");
        }
        if (!down && (c.destinationType() != null || c.carePlan() != null || notEmpty(c.followUpTasks())
                || notEmpty(c.medications()))) {
            throw new InvalidInputException(c.destinationType() != null ? "destinationType" : "carePlan", ReferralError.DOWNWARD_ONLY);
        }
        List<UUID> met = c.criteriaMet() == null ? List.of() : c.criteriaMet();
        for (UUID id : met) {
            var criterion = id == null ? null : criteria.find(id).orElse(null);
            if (criterion == null || !criterion.active() || criterion.direction() != c.direction()
                    || consortium != null && !consortium.equals(criterion.consortiumId())) {
                throw new InvalidInputException("criteriaMet", ReferralError.CRITERION_NOT_APPLICABLE, id);
            }
        }
        optionalText(c.carePlan(), "carePlan", 4000);
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        var contract = directory.activeContract(c.residentId(), today);
        boolean priority = routing.priorityApplies(c.direction(), from, contract, today);
        var findings = routing.findings(c.direction(), from, c.toInstitutionId(), c.destinationType(), contract);
        UUID contractId = c.contractId() != null ? c.contractId() : contract.map(k -> k.id().value()).orElse(null);
        long seq = store.nextNumber();
        String number = "RF-%d-%06d".formatted(LocalDate.ofInstant(now, zone()).getYear(), seq);
        return new ReferralRow(UUID.randomUUID(), number, c.direction(), from, c.fromPractitionerId(), username,
                c.toInstitutionId(), trim(c.toDepartment()), toDesk, c.residentId(), idNumber, trim(c.residentName()),
                consortium, contractId, c.reason().trim(), icd, c.diagnosisText().trim(), c.urgency(),
                trim(c.clinicalSummary()), met.isEmpty() ? null : String.join(",", met.stream().map(UUID::toString).toList()),
                trim(c.noCriteriaReason()), ReferralStatus.DRAFT, null, null, false, null, null, null, priority, priority,
                priority, c.destinationType(), findings.isEmpty() ? null : String.join(",", findings), null, null, 0,
                now, now);
    }

    private void insertWithParts(ReferralRow row, CreateReferral c, String actor) {
        Instant now = row.createdAt();
        store.insert(row);
        store.recordTransition(row.id(), ReferralAction.CREATE, null, ReferralStatus.DRAFT, actor, now, null,
                row.fromInstitutionId());
        if (c.attachments() != null) {
            c.attachments().forEach(a -> store.addAttachment(row.id(), a.kind() == null ? "RESULT" : a.kind().trim(),
                    a.title().trim(), trim(a.reference()), now));
        }
        if (c.carePlan() != null && !c.carePlan().isBlank()) {
            store.saveCarePlan(row.id(), c.carePlan().trim(), actor, now);
        }
        if (c.followUpTasks() != null) {
            c.followUpTasks().forEach(t -> store.addFollowUp(row.id(), t.description().trim(), t.dueDate(),
                    t.assignedPractitionerId(), t.assignedTeamId()));
        }
        if (c.medications() != null) {
            c.medications().forEach(m -> store.addMedication(row.id(), m.drug().trim(), trim(m.dose()),
                    trim(m.frequency()), m.days(), trim(m.note())));
        }
    }

    @Override
    public ReferralView submit(ReferralId id) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.SUBMIT);
        doSubmit(r, user.username(), clock.instant());
        return changed(r.id(), user, "SUBMIT");
    }

    private ReferralRow doSubmit(ReferralRow r, String actor, Instant now) {
        ReferralStatus next = legal(r, ReferralAction.SUBMIT);
        if ((r.criteriaMet() == null || r.criteriaMet().isBlank())
                && (r.noCriteriaReason() == null || r.noCriteriaReason().isBlank())) {
            throw new InvalidInputException("noCriteriaReason", ReferralError.NO_CRITERIA_REASON);
        }
        Instant deadline = now.plus(settings.acceptanceDeadline(r.urgency()));
        store.update(r, next, cols("submitted_at", now, "acceptance_deadline", deadline, "escalated", false,
                "escalated_at", null), now);
        store.recordTransition(r.id(), ReferralAction.SUBMIT, r.status(), next, actor, now, null, r.toInstitutionId());
        events.publishEvent(new ReferralSubmitted(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                r.direction(), r.fromInstitutionId(), r.toInstitutionId(), r.urgency(), deadline));
        return store.find(r.id()).orElseThrow();
    }

    // ---------------------------------------------------------------- receiving side

    @Override
    public ReferralView accept(ReferralId id, AcceptReferral c) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.ACCEPT);
        legal(r, ReferralAction.ACCEPT);
        required(c, "body");
        optionalText(c.note(), "note", 1000);
        if (r.toInstitutionId() == null) {
            throw new InvalidInputException("toInstitutionId", ReferralError.NO_RECEIVER);
        }
        doAccept(r, c, user.username(), clock.instant());
        return changed(r.id(), user, "ACCEPT");
    }

    /**
     * Books what the destination needs (AcceptancePlan): a slot or bed at the receiving side, or for home-based
     * care nothing but the responsible team or practitioner and a planned start.
     */
    private void doAccept(ReferralRow r, AcceptReferral c, String actor, Instant now) {
        ReferralStatus next = legal(r, ReferralAction.ACCEPT);
        var plan = AcceptancePlan.of(r.direction(), r.destinationType(), c, directory, r.toInstitutionId(),
                LocalDate.ofInstant(now, zone()));
        boolean priority = r.priorityVisit() || r.priorityExam() || r.priorityAdmission();
        UUID bookingId = null;
        if (plan.books()) {
            bookingId = booking.book(plan.bookingKind(), c.resourceId(), c.scheduleId(), c.date(), r.residentId(),
                    r.toInstitutionId(), priority ? r.fromInstitutionId() : null, actor).id().value();
        } else if (plan.plannedStart() != null) {
            store.saveHomeCare(r.id(), plan.teamId(), plan.practitionerId(), plan.plannedStart());
        }
        store.update(r, next, cols("booking_kind", plan.bookingKind(), "booking_id", bookingId), now);
        store.recordTransition(r.id(), ReferralAction.ACCEPT, r.status(), next, actor, now, trim(c.note()),
                r.toInstitutionId());
        events.publishEvent(new ReferralAccepted(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                r.fromInstitutionId(), r.toInstitutionId(), plan.bookingKind(), bookingId, priority));
    }

    @Override
    public ReferralView reject(ReferralId id, RejectReferral c) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.REJECT);
        legal(r, ReferralAction.REJECT);
        required(c, "reason");
        required(c.reason(), "reason");
        optionalText(c.text(), "text", 1000);
        if (c.reason() == org.medunion.referral.RejectionReason.OTHER && (c.text() == null || c.text().isBlank())) {
            throw new InvalidInputException("text", "field.required");
        }
        doReject(r, c, user.username(), clock.instant());
        return changed(r.id(), user, "REJECT");
    }

    private void doReject(ReferralRow r, RejectReferral c, String actor, Instant now) {
        ReferralStatus next = legal(r, ReferralAction.REJECT);
        store.update(r, next, cols("rejection_reason", c.reason(), "rejection_text", trim(c.text())), now);
        store.recordTransition(r.id(), ReferralAction.REJECT, r.status(), next, actor, now,
                c.reason().name() + (c.text() == null ? "" : ": " + c.text().trim()), r.toInstitutionId());
        events.publishEvent(new ReferralRejected(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                r.fromInstitutionId(), r.toInstitutionId(), c.reason()));
    }

    @Override
    public ReferralView redirect(ReferralId id, RedirectReferral c) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.REDIRECT);
        legal(r, ReferralAction.REDIRECT);
        required(c, "toInstitutionId");
        required(c.toInstitutionId(), "toInstitutionId");
        requiredText(c.reason(), "reason", 1000);
        optionalText(c.toDepartment(), "toDepartment", 100);
        if (c.toInstitutionId().equals(r.toInstitutionId()) || c.toInstitutionId().equals(r.fromInstitutionId())) {
            throw new InvalidInputException("toInstitutionId", ReferralError.SAME_INSTITUTION);
        }
        references.institution(c.toInstitutionId(), "toInstitutionId");
        doRedirect(r, c, user.username(), clock.instant());
        return changed(r.id(), user, "REDIRECT");
    }

    private void doRedirect(ReferralRow r, RedirectReferral c, String actor, Instant now) {
        ReferralStatus mid = legal(r, ReferralAction.REDIRECT);
        var contract = directory.activeContract(r.residentId(), LocalDate.ofInstant(now, clock.getZone()));
        var findings = routing.findings(r.direction(), r.fromInstitutionId(), c.toInstitutionId(), r.destinationType(),
                contract);
        Instant deadline = now.plus(settings.acceptanceDeadline(r.urgency()));
        store.update(r, ReferralWorkflow.next(mid, ReferralAction.SUBMIT).orElseThrow(), cols("to_institution_id",
                c.toInstitutionId(), "to_department", trim(c.toDepartment()), "to_desk", false, "submitted_at", now,
                "acceptance_deadline", deadline, "escalated", false, "escalated_at", null, "routing_finding",
                findings.isEmpty() ? null : String.join(",", findings)), now);
        store.recordTransition(r.id(), ReferralAction.REDIRECT, r.status(), mid, actor, now, c.reason().trim(),
                r.toInstitutionId());
        store.recordTransition(r.id(), ReferralAction.SUBMIT, mid, ReferralStatus.SUBMITTED, actor, now.plusNanos(1000),
                null, c.toInstitutionId());
        events.publishEvent(new ReferralRedirected(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                r.fromInstitutionId(), r.toInstitutionId(), c.toInstitutionId()));
        events.publishEvent(new ReferralSubmitted(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                r.direction(), r.fromInstitutionId(), c.toInstitutionId(), r.urgency(), deadline));
    }

    @Override
    public ReferralView arrive(ReferralId id) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.ARRIVE);
        simple(r, ReferralAction.ARRIVE, user.username(), clock.instant(), null);
        return changed(r.id(), user, "ARRIVE");
    }

    @Override
    public ReferralView complete(ReferralId id, CompleteReferral c) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.COMPLETE);
        legal(r, ReferralAction.COMPLETE);
        required(c, "summary");
        requiredText(c.summary(), "summary", 4000);
        doComplete(r, c.summary(), user.username(), clock.instant());
        return changed(r.id(), user, "COMPLETE");
    }

    private void doComplete(ReferralRow r, String summary, String actor, Instant now) {
        simple(r, ReferralAction.COMPLETE, actor, now, null);
        store.saveFeedback(r.id(), summary.trim(), actor, now);
        events.publishEvent(new ReferralCompleted(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                r.direction(), r.fromInstitutionId(), r.toInstitutionId()));
    }

    @Override
    public ReferralView cancel(ReferralId id, String reason) {
        CurrentUser user = users.require();
        ReferralRow r = actable(id, user, ReferralAction.CANCEL);
        optionalText(reason, "reason", 1000);
        simple(r, ReferralAction.CANCEL, user.username(), clock.instant(), trim(reason));
        return changed(r.id(), user, "CANCEL");
    }

    private void simple(ReferralRow r, ReferralAction action, String actor, Instant now, String reason) {
        ReferralStatus next = legal(r, action);
        store.update(r, next, Map.of(), now);
        store.recordTransition(r.id(), action, r.status(), next, actor, now, reason,
                action == ReferralAction.CANCEL ? r.fromInstitutionId() : r.toInstitutionId());
    }

    // ---------------------------------------------------------------- reads

    @Override
    @Transactional
    public ReferralView get(ReferralId id) {
        CurrentUser user = users.require();
        ReferralRow r = visible(id, user);
        audit.record(AuditAction.READ, OBJECT, r.id().toString(), r.residentId().toString(), r.number());
        return view(r, user, true);
    }

    @Override
    public Optional<ReferralView> byNumber(String number) {
        CurrentUser user = users.require();
        return store.findByNumber(number).filter(r -> access.canSee(user, r)).map(r -> {
            audit.record(AuditAction.READ, OBJECT, r.id().toString(), r.residentId().toString(), r.number());
            return view(r, user, true);
        });
    }

    @Override
    public List<TransitionView> timeline(ReferralId id) {
        CurrentUser user = users.require();
        ReferralRow r = visible(id, user);
        audit.record(AuditAction.READ, OBJECT, r.id().toString(), r.residentId().toString(), "timeline");
        return store.transitions(r.id());
    }

    @Override
    public List<ReferralView> list(ReferralBox box, ReferralStatus status, int limit) {
        CurrentUser user = users.require();
        required(box, "box");
        int n = Math.max(1, Math.min(limit <= 0 ? 100 : limit, 500));
        var q = boxQuery(user, box, status);
        var rows = store.query(q.where(), q.params(), q.order(), n);
        rows.forEach(r -> audit.record(AuditAction.SEARCH, OBJECT, r.id().toString(), r.residentId().toString(), box.name()));
        return rows.stream().map(r -> view(r, user, false)).toList();
    }

    /** Counts only (no resident data, so nothing to audit): what a workbench shows as "waiting for me". */
    @Override
    public org.medunion.referral.ReferralCount count(ReferralBox box, ReferralStatus status) {
        CurrentUser user = users.require();
        required(box, "box");
        var q = boxQuery(user, box, status);
        var params = new ArrayList<Object>(List.of(store.ts(clock.instant())));
        params.addAll(q.params().subList(0, q.params().size() - (box == ReferralBox.DESK ? 1 : 0)));
        return store.jdbc().sql("select count(*) as total, coalesce(sum(case when status = 'SUBMITTED' and (escalated = true"
                        + " or acceptance_deadline < ?) then 1 else 0 end), 0) as overdue from referral_referral where " + q.where())
                .params(params)
                .query((rs, i) -> new org.medunion.referral.ReferralCount(rs.getLong("total"), rs.getLong("overdue"))).single();
    }

    /** The caller's box as SQL: filter, parameters (for DESK the last one is the order's "now") and order. */
    private record BoxQuery(String where, List<Object> params, String order) {
    }

    private BoxQuery boxQuery(CurrentUser user, ReferralBox box, ReferralStatus status) {
        var where = new StringBuilder();
        var params = new ArrayList<Object>();
        String order = "created_at desc, number desc";
        UUID inst = ReferralAccess.institutionOf(user);
        switch (box) {
            case OUTBOX, INBOX -> {
                if (ReferralAccess.unrestricted(user) || ReferralAccess.jurisdictional(user)) {
                    var p = access.visible(user);
                    where.append(p.sql());
                    params.addAll(p.params());
                } else if (inst != null && ReferralAccess.clinician(user)) {
                    // a draft is the sender's alone (issue 10): the receiver's inbox never lists one it may not open
                    where.append(box == ReferralBox.OUTBOX ? "from_institution_id = ?"
                            : "to_institution_id = ? and status <> 'DRAFT'");
                    params.add(inst);
                } else {
                    throw new ForbiddenException(ReferralError.WRONG_SIDE, box.name());
                }
            }
            case DESK -> {
                if (ReferralAccess.unrestricted(user) || ReferralAccess.jurisdictional(user)) {
                    var p = access.visible(user);
                    where.append(p.sql());
                    params.addAll(p.params());
                } else if (user.role() == org.medunion.identity.Role.OFFICE && user.scope().reference() != null
                        && user.scope().type() == org.medunion.identity.ScopeType.CONSORTIUM) {
                    where.append("consortium_id = ?");
                    params.add(user.scope().referenceId());
                } else {
                    throw new ForbiddenException(ReferralError.WRONG_SIDE, box.name());
                }
                if (status == null) {
                    where.append(" and status = 'SUBMITTED'");
                }
                order = "escalated desc, case when acceptance_deadline < ? then 0 else 1 end, acceptance_deadline, number";
            }
            default -> throw new IllegalStateException();
        }
        if (status != null) {
            where.append(" and status = ?");
            params.add(status.name());
        }
        if (box == ReferralBox.DESK) {
            params.add(store.ts(clock.instant()));
        }
        return new BoxQuery(where.toString(), params, order);
    }

    @Override
    public List<ReferralView> search(UUID to, UUID from, UUID residentId, ReferralStatus status, int limit) {
        return search(new ReferralSearch(to, from, residentId, status, null, null, limit, 0)).items();
    }

    @Override
    public Slice<ReferralView> search(ReferralSearch search) {
        CurrentUser user = users.require();
        var p = access.visible(user);
        var where = new StringBuilder(p.sql());
        var params = new ArrayList<Object>(p.params());
        if (search.toInstitutionId() != null) {
            where.append(" and to_institution_id = ?");
            params.add(search.toInstitutionId());
        }
        if (search.fromInstitutionId() != null) {
            where.append(" and from_institution_id = ?");
            params.add(search.fromInstitutionId());
        }
        if (search.residentId() != null) {
            where.append(" and resident_id = ?");
            params.add(search.residentId());
        }
        if (search.status() != null) {
            where.append(" and status = ?");
            params.add(search.status().name());
        }
        if (search.updatedFrom() != null) {
            where.append(" and updated_at >= ?");
            params.add(java.sql.Timestamp.from(search.updatedFrom()));
        }
        if (search.updatedTo() != null) {
            where.append(" and updated_at <= ?");
            params.add(java.sql.Timestamp.from(search.updatedTo()));
        }
        int limit = Math.max(1, Math.min(search.limit(), 500));
        var rows = store.query(where.toString(), params, "created_at desc, number desc", limit, Math.max(0, search.offset()));
        long total = rows.size() < limit && (search.offset() == 0 || !rows.isEmpty()) ? search.offset() + rows.size()
                : store.count(where.toString(), params);
        rows.forEach(r -> audit.record(AuditAction.SEARCH, OBJECT, r.id().toString(), r.residentId().toString(), "search"));
        return new Slice<>(rows.stream().map(r -> view(r, user, false)).toList(), total);
    }

    @Override
    public List<ReferralView> ofResident(UUID residentId) {
        CurrentUser user = users.require();
        required(residentId, "resident");
        var p = access.visible(user);
        var params = new ArrayList<Object>();
        params.add(residentId);
        params.addAll(p.params());
        var rows = store.query("resident_id = ? and " + p.sql(), params, "created_at desc, number desc", 200);
        rows.forEach(r -> audit.record(AuditAction.SEARCH, OBJECT, r.id().toString(), r.residentId().toString(), "resident"));
        return rows.stream().map(r -> view(r, user, false)).toList();
    }

    @Override
    public ReferralStatistics statistics(UUID consortiumIdOrNull) {
        CurrentUser user = users.require();
        UUID consortium = consortiumIdOrNull;
        switch (user.role()) {
            case ADMIN, PLANNER -> {
            }
            case OFFICE -> {
                if (user.scope().reference() == null) {
                    throw new ForbiddenException(ReferralError.WRONG_SIDE, "STATISTICS");
                }
                if (consortium != null && !consortium.toString().equals(user.scope().reference())) {
                    throw new ForbiddenException(ReferralError.WRONG_SIDE, "STATISTICS");
                }
                consortium = user.scope().referenceId();
            }
            default -> throw new ForbiddenException(ReferralError.WRONG_SIDE, "STATISTICS");
        }
        if (user.role() == org.medunion.identity.Role.PLANNER) {
            // a planner's aggregates cover the referrals of the institutions in their jurisdiction (issue 10)
            var inside = access.jurisdiction(user, "r.");
            if (consortium != null) {
                var params = new ArrayList<Object>(inside.params());
                params.add(consortium);
                return new StatisticsQuery(store.jdbc()).compute(inside.sql() + " and r.consortium_id = ?", params);
            }
            return new StatisticsQuery(store.jdbc()).compute(inside.sql(), inside.params());
        }
        return new StatisticsQuery(store.jdbc()).compute(consortium);
    }

    // ---------------------------------------------------------------- criteria

    @Override
    public List<CriterionView> criteria(UUID consortiumId, ReferralDirection direction) {
        users.require();
        required(consortiumId, "consortiumId");
        return criteria.list(consortiumId, direction);
    }

    @Override
    public List<CriterionView> matchingCriteria(UUID consortiumId, ReferralDirection direction, String department,
                                                String diagnosisCode) {
        users.require();
        required(consortiumId, "consortiumId");
        required(direction, "direction");
        String icd = diagnosisCode == null ? null : diagnosisCode.trim().toUpperCase();
        return criteria.list(consortiumId, direction).stream().filter(CriterionView::active)
                .filter(k -> k.department() == null || department == null || k.department().equalsIgnoreCase(department.trim()))
                .filter(k -> k.diagnosisPrefix() == null || icd != null && icd.startsWith(k.diagnosisPrefix()))
                .toList();
    }

    @Override
    public CriterionView defineCriterion(DefineCriterion c) {
        CurrentUser user = users.require();
        validateCriterion(c, user);
        return criteria.insert(c, normalisedPrefix(c.diagnosisPrefix()), user.username(), clock.instant());
    }

    @Override
    public CriterionView updateCriterion(UUID id, long expectedVersion, DefineCriterion c) {
        CurrentUser user = users.require();
        var existing = criteria.find(id).orElseThrow(() -> new NotFoundException("Criterion", id));
        mayMaintain(user, existing.consortiumId());
        validateCriterion(c, user);
        if (!existing.consortiumId().equals(c.consortiumId())) {
            throw new InvalidInputException("consortiumId", ReferralError.CRITERION_CONSORTIUM_CHANGED);
        }
        return criteria.update(id, expectedVersion, c, normalisedPrefix(c.diagnosisPrefix()));
    }

    @Override
    public void retireCriterion(UUID id) {
        CurrentUser user = users.require();
        var existing = criteria.find(id).orElseThrow(() -> new NotFoundException("Criterion", id));
        mayMaintain(user, existing.consortiumId());
        criteria.retire(id);
    }

    private void validateCriterion(DefineCriterion c, CurrentUser user) {
        required(c, "body");
        required(c.consortiumId(), "consortiumId");
        mayMaintain(user, c.consortiumId());
        required(c.direction(), "direction");
        requiredText(c.text(), "text", 1000);
        optionalText(c.department(), "department", 100);
        String prefix = normalisedPrefix(c.diagnosisPrefix());
        if (prefix != null && !ICD10_PREFIX.matcher(prefix).matches()) {
            throw new InvalidInputException("diagnosisPrefix", ReferralError.INVALID_ICD10, c.diagnosisPrefix());
        }
    }

    private static String normalisedPrefix(String p) {
        return p == null || p.isBlank() ? null : p.trim().toUpperCase();
    }

    /** Criteria are maintained by the consortium office (转诊标准由医联体管理办公室维护). */
    private static void mayMaintain(CurrentUser user, UUID consortium) {
        boolean office = user.role() == org.medunion.identity.Role.OFFICE && consortium.toString().equals(user.scope().reference());
        if (!office && !user.isAdmin()) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "CRITERIA");
        }
    }

    // ---------------------------------------------------------------- routing

    @Override
    public List<DestinationSuggestion> suggestDestinations(UUID residentId, ReferralDirection direction, String department,
                                                           UUID fromInstitutionId, DestinationType destinationType) {
        CurrentUser user = users.require();
        required(residentId, "resident");
        required(direction, "direction");
        UUID from = fromInstitutionId != null ? fromInstitutionId : ReferralAccess.institutionOf(user);
        required(from, "fromInstitutionId");
        if (!access.canSendFrom(user, from)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "SUGGEST");
        }
        if (!directory.caresFor(from, residentId)) {
            // routing reads the resident's contract: only for a resident the sending institution cares for
            throw new InvalidInputException("resident", ReferralError.NO_RESIDENT, residentId);
        }
        var contract = directory.activeContract(residentId, LocalDate.now(clock));
        var consortium = directory.consortiumOf(from).orElse(null);
        audit.record(AuditAction.READ, "ReferralRouting", residentId.toString(), residentId.toString(), direction.name());
        return routing.suggest(direction, from, consortium, destinationType, contract);
    }

    // ---------------------------------------------------------------- deadlines (CN: escalation to the desk)

    @Override
    public EscalationRun escalateOverdue(Instant now) {
        var jdbc = store.jdbc();
        int escalated = 0;
        var overdue = store.query("status = 'SUBMITTED' and escalated = false and acceptance_deadline < ?",
                List.of(store.ts(now)), "acceptance_deadline", 1000);
        for (ReferralRow r : overdue) {
            int n = jdbc.sql("""
                    update referral_referral set escalated = true, escalated_at = ?, version = version + 1, updated_at = ?
                    where id = ? and status = 'SUBMITTED' and escalated = false""")
                    .params(store.ts(now), store.ts(now), r.id()).update();
            if (n == 1) {
                escalated++;
                store.recordTransition(r.id(), ReferralAction.ESCALATE, r.status(), r.status(), SYSTEM, now,
                        "deadline " + r.acceptanceDeadline(), r.consortiumId());
                events.publishEvent(new ReferralEscalated(UUID.randomUUID(), new ReferralId(r.id()), r.number(), now,
                        r.consortiumId(), r.toInstitutionId(), r.urgency()));
            }
        }
        int expired = 0;
        var stale = store.query("status = 'SUBMITTED' and acceptance_deadline < ?",
                List.of(store.ts(now.minus(settings.expireAfter()))), "acceptance_deadline", 1000);
        for (ReferralRow r : stale) {
            int n = jdbc.sql("""
                    update referral_referral set status = 'EXPIRED', version = version + 1, updated_at = ?
                    where id = ? and status = 'SUBMITTED'""").params(store.ts(now), r.id()).update();
            if (n == 1) {
                expired++;
                store.recordTransition(r.id(), ReferralAction.EXPIRE, ReferralStatus.SUBMITTED, ReferralStatus.EXPIRED,
                        SYSTEM, now.plusNanos(1000), "deadline " + r.acceptanceDeadline(), null);
            }
        }
        return new EscalationRun(escalated, expired);
    }

    // ---------------------------------------------------------------- routing tables

    @Override
    public UUID defineZone(String districtCode, String zone, UUID backingHospitalId) {
        adminOrSystem();
        requiredText(districtCode, "districtCode", 6);
        requiredText(zone, "zone", 10);
        required(backingHospitalId, "backingHospitalId");
        var jdbc = store.jdbc();
        var existing = jdbc.sql("select id from referral_zone where district_code = ? and zone = ?")
                .params(districtCode, zone).query(UUID.class).optional();
        if (existing.isPresent()) {
            jdbc.sql("update referral_zone set backing_hospital_id = ? where id = ?").params(backingHospitalId, existing.get()).update();
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into referral_zone (id, district_code, zone, backing_hospital_id) values (?, ?, ?, ?)")
                .params(id, districtCode, zone, backingHospitalId).update();
        return id;
    }

    @Override
    public void assignToZone(UUID institutionId, UUID zoneId) {
        adminOrSystem();
        required(institutionId, "institutionId");
        required(zoneId, "zoneId");
        var jdbc = store.jdbc();
        jdbc.sql("delete from referral_zone_member where institution_id = ?").param(institutionId).update();
        jdbc.sql("insert into referral_zone_member (institution_id, zone_id) values (?, ?)").params(institutionId, zoneId).update();
    }

    @Override
    public void registerHospiceCentre(UUID institutionId, String districtCode, boolean regional) {
        adminOrSystem();
        required(institutionId, "institutionId");
        requiredText(districtCode, "districtCode", 6);
        var jdbc = store.jdbc();
        jdbc.sql("delete from referral_hospice_centre where institution_id = ?").param(institutionId).update();
        jdbc.sql("insert into referral_hospice_centre (institution_id, district_code, kind) values (?, ?, ?)")
                .params(institutionId, districtCode, regional ? "REGIONAL" : "HOME").update();
    }

    private void adminOrSystem() {
        users.current().ifPresent(u -> {
            if (!u.isAdmin() && u.role() != org.medunion.identity.Role.OFFICE) {
                throw new ForbiddenException(ReferralError.WRONG_SIDE, "ROUTING");
            }
        });
    }

    // ---------------------------------------------------------------- follow-ups and console actions (FollowUpDesk, ActionChoices)

    @Override
    public List<org.medunion.referral.FollowUpView> openFollowUps(int limit) {
        return followUps.open(limit);
    }

    @Override
    public org.medunion.referral.ReferralCount countOpenFollowUps() {
        return followUps.count();
    }

    @Override
    public org.medunion.referral.FollowUpView markFollowUpDone(ReferralId id, UUID taskId,
                                                               org.medunion.referral.MarkFollowUpDone command) {
        return followUps.markDone(id, taskId, command);
    }

    @Override
    public java.util.Set<ReferralAction> allowedActions(ReferralId id) {
        return actionChoices.allowed(id);
    }

    // ---------------------------------------------------------------- demo city

    @Override
    public List<ReferralView> seedDemo(DemoReferrals seed) {
        required(seed, "seed");
        required(seed.primaryInstitutionId(), "primaryInstitutionId");
        required(seed.hospitalId(), "hospitalId");
        required(seed.scheduleId(), "scheduleId");
        if (seed.residents() == null || seed.residents().isEmpty()) {
            throw new InvalidInputException("residents", "field.required");
        }
        Instant base = seed.now() == null ? clock.instant() : seed.now();
        var out = new ArrayList<UUID>();
        int i = 0;
        for (ReferralDirection direction : List.of(ReferralDirection.UP, ReferralDirection.DOWN)) {
            boolean down = direction == ReferralDirection.DOWN;
            for (ReferralStatus target : ReferralStatus.values()) {
                if (target == ReferralStatus.REDIRECTED && (down ? seed.otherPrimaryId() : seed.otherHospitalId()) == null
                        || down && acceptedOrLater(target) && seed.primaryBedScheduleId() == null && seed.primaryTeamId() == null) {
                    continue;
                }
                for (int k = 0; k < Math.max(1, seed.perState()); k++) {
                    var res = seed.residents().get(i++ % seed.residents().size());
                    out.add(seedOne(seed, res, direction, target, k, base.minusSeconds(3600L * i)));
                }
            }
        }
        return out.stream().map(id -> view(store.find(id).orElseThrow(), null, false)).toList();
    }

    private static boolean acceptedOrLater(ReferralStatus s) {
        return s == ReferralStatus.ACCEPTED || s == ReferralStatus.ARRIVED || s == ReferralStatus.COMPLETED;
    }

    /**
     * Where a demo downward referral goes: redirected ones to a nursing home, accepted ones alternately into a
     * community bed (bed booking) and a family bed (team + planned start), the others through the other kinds.
     */
    private static DestinationType demoDestination(DemoReferrals seed, ReferralStatus target, int k) {
        if (target == ReferralStatus.REDIRECTED) {
            return DestinationType.NURSING_HOME;
        }
        if (acceptedOrLater(target)) {
            boolean bed = (target.ordinal() + k) % 2 == 0;
            return bed && seed.primaryBedScheduleId() != null || seed.primaryTeamId() == null
                    ? DestinationType.COMMUNITY_BED : DestinationType.FAMILY_BED;
        }
        var kinds = List.of(DestinationType.COMMUNITY_BED, DestinationType.FAMILY_BED, DestinationType.OUTPATIENT_FOLLOW_UP,
                DestinationType.REHAB);
        return kinds.get((target.ordinal() + k) % kinds.size());
    }

    private UUID seedOne(DemoReferrals seed, DemoResident res, ReferralDirection direction, ReferralStatus target, int k,
                         Instant at) {
        boolean down = direction == ReferralDirection.DOWN;
        UUID from = down ? seed.hospitalId() : seed.primaryInstitutionId();
        UUID to = down ? seed.primaryInstitutionId() : seed.hospitalId();
        DestinationType destination = down ? demoDestination(seed, target, k) : null;
        LocalDate day = LocalDate.ofInstant(at, zone());
        var c = new CreateReferral(direction, from, null, to, down ? null : "心内科",
                false, res.residentId(), res.residentIdNumber(), res.name(), seed.consortiumId(), null,
                down ? "病情稳定，转回社区继续治疗" : "血压控制不佳，需专科评估", down ? "I10" : "I10.X00",
                down ? "原发性高血压" : "原发性高血压（控制不佳）",
                target == ReferralStatus.EXPIRED ? Urgency.URGENT : Urgency.ROUTINE, "近两周血压波动 160-180/100 mmHg",
                List.of(), "演示数据：无匹配标准", destination, List.of(),
                down ? "低盐饮食，规律服药，每两周随访" : null,
                down ? List.of(new CreateReferral.FollowUpInput("测量血压并记录", day.plusDays(14), null, seed.primaryTeamId()),
                        new CreateReferral.FollowUpInput("复查血脂、肾功能", day.plusDays(28), null, seed.primaryTeamId())) : List.of(),
                down ? List.of(new CreateReferral.MedicationInput("氨氯地平片", "5 mg", "qd", 28, null),
                        new CreateReferral.MedicationInput("阿托伐他汀钙片", "20 mg", "qn", 28, "延伸处方")) : List.of(), false);
        // an expired one was created and submitted long enough ago for its deadline to have passed (Task inv-1:
        // lastModified must not precede authoredOn)
        Instant created = target == ReferralStatus.EXPIRED ? at.minus(settings.expireAfter()).minusSeconds(86400 + 60) : at;
        ReferralRow row = newRow(c, from, "demo", created);
        insertWithParts(row, c, "demo");
        if (target == ReferralStatus.DRAFT) {
            return row.id();
        }
        if (target == ReferralStatus.CANCELLED) {
            simple(row, ReferralAction.CANCEL, "demo", at.plusSeconds(60), "演示");
            return row.id();
        }
        row = doSubmit(row, "demo", created.plusSeconds(60));
        if (target == ReferralStatus.SUBMITTED) {
            return row.id();
        }
        if (target == ReferralStatus.REDIRECTED) {
            doRedirect(row, new RedirectReferral(down ? seed.otherPrimaryId() : seed.otherHospitalId(), null,
                    down ? "演示：需长期照护，改转护理院" : "演示：心内科床位已满，改转市级医院"), "demo", at.plusSeconds(600));
            return row.id();
        }
        if (target == ReferralStatus.EXPIRED) {
            int n = store.jdbc().sql("update referral_referral set status = 'EXPIRED', version = version + 1, updated_at = ? "
                    + "where id = ?").params(store.ts(at), row.id()).update();
            if (n == 1) {
                store.recordTransition(row.id(), ReferralAction.EXPIRE, ReferralStatus.SUBMITTED, ReferralStatus.EXPIRED,
                        SYSTEM, at, "deadline", null);
            }
            return row.id();
        }
        if (target == ReferralStatus.REJECTED) {
            doReject(row, new RejectReferral(org.medunion.referral.RejectionReason.NO_CAPACITY, "演示：本周无床位"), "demo",
                    at.plusSeconds(600));
            return row.id();
        }
        AcceptReferral acceptance = !down
                ? new AcceptReferral(org.medunion.referral.BookingKind.SLOT, null, seed.scheduleId(), null, null)
                : destination == DestinationType.COMMUNITY_BED
                ? new AcceptReferral(org.medunion.referral.BookingKind.BED, null, seed.primaryBedScheduleId(), null, "社区病房收治")
                : AcceptReferral.homeCare(seed.primaryTeamId(), null, day.plusDays(1), "家庭病床，每周上门两次");
        doAccept(row, acceptance, "demo", at.plusSeconds(1200));
        row = store.find(row.id()).orElseThrow();
        if (target == ReferralStatus.ACCEPTED) {
            return row.id();
        }
        simple(row, ReferralAction.ARRIVE, "demo", at.plusSeconds(86400), null);
        row = store.find(row.id()).orElseThrow();
        if (target == ReferralStatus.ARRIVED) {
            return row.id();
        }
        doComplete(row, down ? "演示：社区随访三个月，血压稳定在 130/80 mmHg，照护计划执行完毕" : "演示：诊疗结束，出院小结已回传",
                "demo", at.plusSeconds(2 * 86400));
        return row.id();
    }

    // ---------------------------------------------------------------- helpers

    private ReferralRow visible(ReferralId id, CurrentUser user) {
        required(id, "id");
        ReferralRow r = store.find(id.value()).orElseThrow(() -> new NotFoundException(OBJECT, id));
        if (!access.canSee(user, r)) {
            throw new NotFoundException(OBJECT, id);
        }
        return r;
    }

    private ReferralRow actable(ReferralId id, CurrentUser user, ReferralAction action) {
        ReferralRow r = visible(id, user);
        if (!access.mayAct(user, r, action)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, action.name());
        }
        return r;
    }

    private static ReferralStatus legal(ReferralRow r, ReferralAction action) {
        return ReferralWorkflow.next(r.status(), action).orElseThrow(() -> new ConflictException(ReferralError.ILLEGAL_TRANSITION,
                "status", r.status().name(), action.requestedStatus().name()));
    }

    private ReferralView changed(UUID id, CurrentUser user, String what) {
        ReferralRow r = store.find(id).orElseThrow();
        audit.record(AuditAction.UPDATE, OBJECT, id.toString(), r.residentId().toString(), what);
        return view(r, user, true);
    }

    ReferralView view(ReferralRow r, CurrentUser user, boolean full) {
        boolean unmasked = user != null && user.role().seesFullIdentifiers();
        List<UUID> met = r.criteriaMet() == null || r.criteriaMet().isBlank() ? List.of()
                : Arrays.stream(r.criteriaMet().split(",")).map(UUID::fromString).toList();
        boolean overdue = r.status() == ReferralStatus.SUBMITTED && (r.escalated() || r.acceptanceDeadline() != null
                && r.acceptanceDeadline().isBefore(clock.instant()));
        return new ReferralView(new ReferralId(r.id()), r.number(), r.direction(), r.fromInstitutionId(),
                r.fromPractitionerId(), r.fromUsername(), r.toInstitutionId(), r.toDepartment(), r.toDesk(),
                r.residentId(), unmasked ? r.residentIdNumber() : Masking.residentId(r.residentIdNumber()),
                r.residentName(), r.consortiumId(), r.contractId(), r.reason(), r.diagnosisCode(), r.diagnosisText(),
                r.urgency(), r.clinicalSummary(), met, r.noCriteriaReason(), r.status(), r.submittedAt(),
                r.acceptanceDeadline(), r.escalated(), overdue, r.bookingKind(), r.bookingId(),
                new ReferralView.Priority(r.priorityVisit(), r.priorityExam(), r.priorityAdmission()), r.destinationType(),
                r.routingFinding(), r.rejectionReason(), r.rejectionText(),
                full ? store.attachments(r.id()) : List.of(), full ? store.carePlan(r.id()) : null,
                full ? store.feedback(r.id()) : null, full ? store.homeCare(r.id()) : null, r.version(), r.createdAt(),
                r.updatedAt());
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private static void required(Object value, String field) {
        if (value == null) {
            throw new InvalidInputException(field, "field.required");
        }
    }

    /** The lists of a new referral and their entries' texts, checked before any look-up: bad input is a 400 naming it. */
    private static void validateParts(CreateReferral c) {
        TextRules.listSize(c.criteriaMet(), "criteriaMet", MAX_LIST);
        TextRules.listSize(c.attachments(), "attachments", MAX_ATTACHMENTS);
        TextRules.listSize(c.followUpTasks(), "followUpTasks", MAX_LIST);
        TextRules.listSize(c.medications(), "medications", MAX_LIST);
        if (c.attachments() != null) {
            for (var a : c.attachments()) {
                required(a, "attachments");
                requiredText(a.title(), "attachments.title", 200);
                optionalText(a.kind(), "attachments.kind", 20);
                optionalText(a.reference(), "attachments.reference", 500);
            }
        }
        if (c.followUpTasks() != null) {
            for (var t : c.followUpTasks()) {
                required(t, "followUpTasks");
                requiredText(t.description(), "followUpTasks.description", 1000);
                required(t.dueDate(), "followUpTasks.dueDate");
            }
        }
        if (c.medications() != null) {
            for (var m : c.medications()) {
                required(m, "medications");
                requiredText(m.drug(), "medications.drug", 200);
                optionalText(m.dose(), "medications.dose", 100);
                optionalText(m.frequency(), "medications.frequency", 100);
                optionalText(m.note(), "medications.note", 500);
                if (m.days() != null && (m.days() < 1 || m.days() > 84)) {
                    throw new InvalidInputException("medications.days", ReferralError.INVALID_PRESCRIPTION_DAYS, m.days());
                }
            }
        }
    }

    private static void requiredText(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "field.required");
        }
        optionalText(value, field, max);
    }

    /** Length under the referral's own rule code; characters under the shared input-hygiene rules. */
    private static void optionalText(String value, String field, int max) {
        if (value != null && value.trim().length() > max) {
            throw new InvalidInputException(field, ReferralError.TEXT_TOO_LONG, max);
        }
        TextRules.characters(value, field, TextRules.Kind.MULTILINE);
    }

    private static boolean notEmpty(List<?> l) {
        return l != null && !l.isEmpty();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
