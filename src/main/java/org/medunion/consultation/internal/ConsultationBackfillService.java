package org.medunion.consultation.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.AcceptConsultation;
import org.medunion.consultation.ConsultationAction;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.RequestConsultation;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SetConsultationFee;
import org.medunion.consultation.backfill.ConsultationBackfill;
import org.medunion.identity.ActingAs;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.Scope;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ConsultationBackfill}: the use-case steps of {@link ConsultationRequests} and {@link ConsultationSteps} run
 * as the named actor — a general practitioner of the inviting institution for its steps, a specialist of the invited
 * one for the others — so the same access checks, gates and audit apply; refused to any logged-in caller. For the
 * duration of one step the named actor is the caller (the residents module reads the resident's name only for a
 * caller with a care relationship); the empty context is restored after.
 */
@Service
@Transactional
class ConsultationBackfillService implements ConsultationBackfill {

    private final ConsultationRequests requests;
    private final ConsultationSteps steps;
    private final ConsultationStore store;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final ConsultationFeeService fees;
    private final SeriesCreation seriesCreation;
    private final SeriesStore seriesStore;
    private final SeriesService seriesService;

    @SuppressWarnings("checkstyle:ParameterNumber") // the use cases it runs, injected
    ConsultationBackfillService(ConsultationRequests requests, ConsultationSteps steps, ConsultationStore store,
                                CurrentUsers users, AuditTrail audit, ConsultationFeeService fees,
                                SeriesCreation seriesCreation, SeriesStore seriesStore, SeriesService seriesService) {
        this.fees = fees;
        this.seriesCreation = seriesCreation;
        this.seriesStore = seriesStore;
        this.seriesService = seriesService;
        this.requests = requests;
        this.steps = steps;
        this.store = store;
        this.users = users;
        this.audit = audit;
    }

    @Override
    public ConsultationId request(RequestConsultation command, UUID fromInstitutionId, String actor, Instant at) {
        systemOnly();
        var user = as(actor, Role.GP, fromInstitutionId);
        return ActingAs.run(user, () -> {
            Consultation c = requests.request(command, fromInstitutionId, actor, at);
            audit.record(AuditAction.CREATE, ConsultationLookup.OBJECT, c.id().toString(), c.residentId().toString(),
                    c.number());
            return c.consultationId();
        });
    }

    @Override
    public ConsultationStatus accept(ConsultationId id, AcceptConsultation command, String actor, Instant at) {
        systemOnly();
        var user = side(id, ConsultationAction.ACCEPT, actor);
        return ActingAs.run(user, () -> steps.accept(id, command, user, at).status());
    }

    @Override
    public ConsultationStatus step(ConsultationId id, ConsultationAction action, @Nullable String text, String actor,
                                   Instant at) {
        systemOnly();
        var user = side(id, action, actor);
        return ActingAs.run(user, () -> steps.act(id, action, text, user, at).status());
    }

    /** The actor on the side the action belongs to. */
    private CurrentUser side(ConsultationId id, ConsultationAction action, String actor) {
        Consultation c = store.find(id.value()).orElseThrow(() -> new NotFoundException(ConsultationLookup.OBJECT, id));
        return action.byInvitingSide() ? as(actor, Role.GP, c.fromInstitutionId())
                : as(actor, Role.SPECIALIST, c.toInstitutionId());
    }

    private static CurrentUser as(String actor, Role role, UUID institutionId) {
        return new CurrentUser(actor, actor, role, Scope.institution(institutionId));
    }

    @Override
    public void fee(SetConsultationFee command, UUID consortiumId, String actor, Instant at) {
        systemOnly();
        var user = new CurrentUser(actor, actor, Role.OFFICE, Scope.consortium(consortiumId));
        ActingAs.run(user, () -> fees.set(user, command, at));
    }

    private void systemOnly() {
        if (users.current().isPresent()) {
            throw new ForbiddenException(ConsultationError.WRONG_SIDE, "BACKFILL");
        }
    }

    @Override
    public List<BackfilledSession> series(CreateSeries command, String actor, Instant at) {
        systemOnly();
        CreateSeries c = ConsultationInput.required(command, "body");
        UUID visiting = ConsultationInput.required(c.visitingInstitutionId(), "visitingInstitutionId");
        var user = as(actor, c.kind() == SessionKind.NURSING_HOME_PATROL ? Role.GP : Role.SPECIALIST, visiting);
        return ActingAs.run(user, () -> {
            SeriesRow s = seriesCreation.create(c, user, at);
            audit.record(AuditAction.CREATE, SeriesService.SERIES, s.id().toString());
            var only = new ConsultationAccess.Predicate("s.id = ?", List.<Object>of(s.id()));
            Instant from = s.firstDay().atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(86_400);
            Instant to = s.lastDay().plusDays(2).atStartOfDay(ZoneOffset.UTC).toInstant();
            return seriesStore.sessions(only, from, to).stream().map(r -> new BackfilledSession(r.id(), r.startsAt())).toList();
        });
    }

    @Override
    public void hold(UUID sessionId, RecordSession command, String actor, Instant at) {
        systemOnly();
        SessionRow s = seriesStore.session(ConsultationInput.required(sessionId, "id"))
                .orElseThrow(() -> new NotFoundException(SeriesService.SESSION, sessionId));
        var user = as(actor, Role.GP, s.series().hostInstitutionId());
        ActingAs.run(user, () -> {
            seriesService.hold(s, command, user, at);
            return null;
        });
    }
}
