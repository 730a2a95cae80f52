package org.medunion.indicators.internal;

import java.time.Clock;
import java.time.Year;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.indicators.AssessmentAction;
import org.medunion.indicators.AssessmentId;
import org.medunion.indicators.AssessmentManagement;
import org.medunion.indicators.AssessmentStatus;
import org.medunion.indicators.AssessmentView;
import org.medunion.indicators.AssessmentView.Actor;
import org.medunion.indicators.AssessmentView.Evidence;
import org.medunion.indicators.AssessmentWorkflow;
import org.medunion.indicators.CreateAssessment;
import org.medunion.indicators.Dimension;
import org.medunion.indicators.ExternalAssessment;
import org.medunion.indicators.IndicatorsError;
import org.medunion.indicators.SelfAssessment;
import org.medunion.indicators.Snapshot;
import org.medunion.policy.PolicyReadings;
import org.medunion.policy.PolicyReadings.PackVersion;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.RegistryDirectory;
import org.medunion.shared.ConflictException;
import org.medunion.shared.DocumentType;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.TextRules;
import org.medunion.shared.TextRules.Kind;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The assessment cycle: scope and role per step, the workflow table before every move, audit of every change and
 * export, and the freeze that copies the figures of the moment into the assessment's own rows.
 */
@Service
class AssessmentService implements AssessmentManagement {

    private static final String AUDIT_TYPE = "Assessment";

    private final AssessmentStore store;
    private final AssessmentEvidenceStore evidence;
    private final AssessmentFigures figures;
    private final RegistryDirectory registry;
    private final PolicyReadings policy;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the cycle, injected
    AssessmentService(AssessmentStore store, AssessmentEvidenceStore evidence, AssessmentFigures figures, RegistryDirectory registry,
                      PolicyReadings policy, CurrentUsers users, AuditTrail audit, Clock clock) {
        this.store = store;
        this.evidence = evidence;
        this.figures = figures;
        this.registry = registry;
        this.policy = policy;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- reads

    @Override
    @Transactional(readOnly = true)
    public List<AssessmentView> assessments(@Nullable UUID consortiumId) {
        CurrentUser me = reader();
        return store.list(consortiumId).stream().filter(a -> visible(me, a)).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public AssessmentView assessment(AssessmentId id) {
        return load(reader(), id);
    }

    @Override
    @Transactional(readOnly = true)
    public Snapshot snapshot(AssessmentId id) {
        AssessmentView a = load(reader(), id);
        Snapshot frozen = a.snapshot();
        return frozen != null ? frozen : figures.now(a, null);
    }

    @Override
    @Transactional
    public Report report(AssessmentId id, String format) {
        AssessmentView a = load(reader(), id);
        Snapshot frozen = a.snapshot();
        Snapshot s = frozen != null ? frozen : figures.now(a, null);
        audit.record(AuditAction.EXPORT, AUDIT_TYPE, id.toString(), null, format + " " + a.status());
        return new Report(a, s);
    }

    // ---- changes

    @Override
    @Transactional
    public AssessmentView create(CreateAssessment command) {
        CurrentUser me = acting(Role.PLANNER);
        UUID consortiumId = command.consortiumId();
        if (consortiumId == null) {
            throw new InvalidInputException("consortiumId", "field.required");
        }
        var kind = AssessmentInputs.kind(command.kind());
        int year = AssessmentInputs.year(command.year(), Year.now(clock));
        ConsortiumView c = registry.consortiumEntry(new ConsortiumId(consortiumId))
                .filter(v -> me.scope().coversDivision(v.districtCode()))
                .orElseThrow(() -> new NotFoundException("Consortium", consortiumId));
        if (!c.active()) {
            throw new ConflictException(IndicatorsError.CONSORTIUM_INACTIVE, "consortiumId", c.name());
        }
        if (store.exists(c.id().value(), kind, year)) {
            throw new ConflictException(IndicatorsError.DUPLICATE_ASSESSMENT, "kind", c.name(), kind.name(), Integer.toString(year));
        }
        List<String> packs = policy.packsInForce(c.districtCode()).stream().map(PackVersion::pack).toList();
        var a = new AssessmentView(new AssessmentId(UUID.randomUUID()), c.id().value(), c.name(), c.districtCode(), kind, year,
                AssessmentStatus.OPEN, Dimension.applicable(packs), actor(me), null, null, null, null, List.of());
        store.insert(a);
        audit.record(AuditAction.CREATE, AUDIT_TYPE, a.id().toString(), null, kind + " " + year + " " + c.name());
        return a;
    }

    @Override
    @Transactional
    public AssessmentView selfAssess(AssessmentId id, SelfAssessment command) {
        CurrentUser me = acting(Role.OFFICE);
        AssessmentView a = movable(me, id, AssessmentAction.SELF_ASSESS);
        var ratings = AssessmentInputs.ratings(command.dimensions(), a.dimensions(), true);
        move(a, AssessmentAction.SELF_ASSESS);
        store.recordSelf(a.id().value(), actor(me), ratings);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id.toString(), null, "self-assessment " + ratings.size() + " dimensions");
        return load(me, id);
    }

    @Override
    @Transactional
    public AssessmentView returnToOffice(AssessmentId id, @Nullable String reason) {
        CurrentUser me = acting(Role.PLANNER);
        AssessmentView a = movable(me, id, AssessmentAction.RETURN);
        String why = TextRules.required(reason, "reason", Kind.MULTILINE, AssessmentInputs.REASON);
        move(a, AssessmentAction.RETURN);
        store.recordReturn(a.id().value(), why);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id.toString(), null, "returned to the office");
        return load(me, id);
    }

    @Override
    @Transactional
    public AssessmentView assessExternally(AssessmentId id, ExternalAssessment command) {
        CurrentUser me = acting(Role.PLANNER);
        AssessmentView a = movable(me, id, AssessmentAction.ASSESS);
        var ratings = AssessmentInputs.ratings(command.dimensions(), a.dimensions(), false);
        var overall = AssessmentInputs.rating(command.overallRating(), "overallRating");
        String conclusion = TextRules.required(command.conclusion(), "conclusion", Kind.MULTILINE, AssessmentInputs.CONCLUSION);
        move(a, AssessmentAction.ASSESS);
        store.recordExternal(a.id().value(), actor(me), ratings, overall, conclusion);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id.toString(), null, "external assessment " + overall);
        return load(me, id);
    }

    @Override
    @Transactional
    public AssessmentView freeze(AssessmentId id) {
        CurrentUser me = acting(Role.PLANNER);
        AssessmentView a = movable(me, id, AssessmentAction.FREEZE);
        Snapshot s = figures.now(a, me.displayName());
        move(a, AssessmentAction.FREEZE);
        store.recordFreeze(a.id().value(), new Actor(me.username(), me.displayName(), s.takenAt()), s);
        audit.record(AuditAction.UPDATE, AUDIT_TYPE, id.toString(), null,
                "frozen: " + s.values().size() + " values, packs " + s.packList());
        return load(me, id);
    }

    // ---- evidence files (decision 0264)

    @Override
    @Transactional
    public Evidence uploadEvidence(AssessmentId id, UploadEvidence upload) {
        CurrentUser me = acting(Role.OFFICE);
        AssessmentView a = unfrozen(me, id);
        var file = EvidenceInputs.file(upload, a.dimensions());
        var e = new Evidence(UUID.randomUUID(), file.dimension(), file.fileName(), file.type().mediaType(), file.content().length,
                DocumentType.sha256(file.content()), actor(me));
        evidence.add(a.id().value(), e, file.content());
        audit.record(AuditAction.CREATE, AUDIT_TYPE, id.toString(), null, "evidence " + e.dimension().id() + " " + e.id());
        return e;
    }

    @Override
    @Transactional
    public void removeEvidence(AssessmentId id, UUID file) {
        CurrentUser me = acting(Role.OFFICE);
        AssessmentView a = unfrozen(me, id);
        Evidence e = evidence.find(a.id().value(), file).orElseThrow(() -> new NotFoundException("Evidence", file));
        evidence.remove(e.id());
        audit.record(AuditAction.DELETE, AUDIT_TYPE, id.toString(), null, "evidence " + e.dimension().id() + " " + e.id());
    }

    @Override
    @Transactional
    public EvidenceContent evidenceContent(AssessmentId id, UUID file) {
        AssessmentView a = load(reader(), id);
        Evidence e = evidence.find(a.id().value(), file).orElseThrow(() -> new NotFoundException("Evidence", file));
        byte[] content = evidence.content(e.id()).orElseThrow(() -> new NotFoundException("Evidence", file));
        audit.record(AuditAction.READ, AUDIT_TYPE, id.toString(), null, "evidence " + e.id());
        return new EvidenceContent(e, content);
    }

    /**
     * The assessment while evidence may still change: not frozen (409 INDICATORS-0011), and held against a freeze
     * committing meanwhile — the same conditional update as a move, status unchanged, so one of the two waits and loses.
     */
    private AssessmentView unfrozen(CurrentUser me, AssessmentId id) {
        AssessmentView a = load(me, id);
        if (a.status() == AssessmentStatus.FROZEN || !store.move(a.id().value(), a.status(), a.status())) {
            throw new ConflictException(IndicatorsError.ASSESSMENT_FROZEN, "status", AssessmentStatus.FROZEN.name());
        }
        return a;
    }

    // ---- helpers

    /** A reader: planner, office or administrator; anyone else 403 whatever the assessment. */
    private CurrentUser reader() {
        CurrentUser me = users.require();
        if (me.role() != Role.PLANNER && me.role() != Role.OFFICE && me.role() != Role.ADMIN) {
            throw new ForbiddenException(IndicatorsError.ASSESSMENT_ROLE, me.role().name());
        }
        return me;
    }

    private CurrentUser acting(Role role) {
        CurrentUser me = users.require();
        if (me.role() != role) {
            throw new ForbiddenException(IndicatorsError.ASSESSMENT_ROLE, me.role().name());
        }
        return me;
    }

    private static boolean visible(CurrentUser me, AssessmentView a) {
        return switch (me.scope().type()) {
            case GLOBAL -> true;
            case JURISDICTION -> me.scope().coversDivision(a.districtCode());
            case CONSORTIUM -> a.consortiumId().equals(me.scope().referenceId());
            case INSTITUTION -> false;
        };
    }

    private AssessmentView load(CurrentUser me, AssessmentId id) {
        return store.find(id.value()).filter(a -> visible(me, a)).orElseThrow(() -> new NotFoundException(AUDIT_TYPE, id));
    }

    /** The assessment, when the action is legal in its status: a frozen one refuses everything (409 INDICATORS-0011). */
    private AssessmentView movable(CurrentUser me, AssessmentId id, AssessmentAction action) {
        AssessmentView a = load(me, id);
        if (a.status() == AssessmentStatus.FROZEN) {
            throw new ConflictException(IndicatorsError.ASSESSMENT_FROZEN, "status", a.status().name());
        }
        if (!AssessmentWorkflow.isLegal(a.status(), action)) {
            throw new ConflictException(IndicatorsError.ILLEGAL_TRANSITION, "status", a.status().name(), action.name());
        }
        return a;
    }

    /** The status move, guarded against a concurrent one: whoever moved it first wins, the other gets 409. */
    private void move(AssessmentView a, AssessmentAction action) {
        AssessmentStatus to = AssessmentWorkflow.next(a.status(), action).orElseThrow();
        if (!store.move(a.id().value(), a.status(), to)) {
            throw new ConflictException(IndicatorsError.ILLEGAL_TRANSITION, "status", a.status().name(), action.name());
        }
    }

    private Actor actor(CurrentUser me) {
        return new Actor(me.username(), me.displayName(), clock.instant());
    }
}
