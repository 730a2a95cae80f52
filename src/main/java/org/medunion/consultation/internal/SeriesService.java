package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationInput.optionalText;
import static org.medunion.consultation.internal.ConsultationInput.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.ConsultationNote;
import org.medunion.consultation.ConsultationSeries;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.RecordSession;
import org.medunion.consultation.SeriesView;
import org.medunion.consultation.SessionStatus;
import org.medunion.consultation.SessionView;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.registry.PractitionerView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.ScopedLookup;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link ConsultationSeries}: series and their sessions, scoped by {@link SeriesAccess}; the residents seen are read
 * (and audited, one row per resident) only by the two sides, on the session's own page; the calendar shows counts.
 */
@Service
@Transactional
class SeriesService implements ConsultationSeries {

    static final String SERIES = "ConsultationSeries";
    static final String SESSION = "ConsultationSession";
    /** The longest calendar one read returns (a month view with its leading and trailing weeks fits). */
    private static final int MAX_CALENDAR_DAYS = 62;

    private final SeriesCreation creation;
    private final SeriesStore store;
    private final SeriesAccess access;
    private final ConsultationDirectory directory;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of the facade, injected
    SeriesService(SeriesCreation creation, SeriesStore store, SeriesAccess access, ConsultationDirectory directory,
                  CurrentUsers users, AuditTrail audit, Clock clock) {
        this.creation = creation;
        this.store = store;
        this.access = access;
        this.directory = directory;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public SeriesView create(CreateSeries command) {
        SeriesRow s = creation.create(command, users.require(), clock.instant());
        audit.record(AuditAction.CREATE, SERIES, s.id().toString());
        return view(s);
    }

    @Override
    @Transactional(readOnly = true)
    public SeriesView series(UUID id) {
        CurrentUser user = users.require();
        SeriesRow s = ScopedLookup.visible(store.series(ConsultationInput.required(id, "id")), r -> access.canSee(user, r), SERIES, id);
        return view(s);
    }

    @Override // not read-only: the read is audited, and the audit chain locks its head
    public List<SessionView> calendar(LocalDate from, LocalDate to) {
        CurrentUser user = users.require();
        LocalDate first = ConsultationInput.required(from, "from");
        LocalDate last = ConsultationInput.required(to, "to");
        if (last.isBefore(first)) {
            throw new InvalidInputException("to", ConsultationError.SERIES_DATES, last, first);
        }
        if (last.isAfter(first.plusDays(MAX_CALENDAR_DAYS))) {
            throw new InvalidInputException("to", ConsultationError.SERIES_TOO_LONG, last.toEpochDay() - first.toEpochDay() + 1,
                    MAX_CALENDAR_DAYS);
        }
        var rows = store.sessions(access.visible(user), first.atStartOfDay(clock.getZone()).toInstant(),
                last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        audit.record(AuditAction.SEARCH, SESSION, first + ".." + last);
        return rows.stream().map(r -> view(r, user, false)).toList();
    }

    @Override // not read-only: the residents seen are audited
    public SessionView session(UUID id) {
        CurrentUser user = users.require();
        SessionRow s = visible(id, user);
        return view(s, user, true);
    }

    @Override
    public SessionView record(UUID id, RecordSession command) {
        CurrentUser user = users.require();
        hold(recordable(id, user), command, user, clock.instant());
        return session(id);
    }

    /** Records the session held as {@code user} at {@code now} (the console's caller, or a backfill's actor). */
    void hold(SessionRow s, @Nullable RecordSession command, CurrentUser user, Instant now) {
        RecordSession c = ConsultationInput.required(command, "body");
        if (s.status() == SessionStatus.CANCELLED) {
            throw new ConflictException(ConsultationError.SESSION_NOT_PLANNED, "status", s.status().name());
        }
        if (s.startsAt().isAfter(now)) {
            throw new ConflictException(ConsultationError.SESSION_NOT_STARTED, "startsAt", s.startsAt());
        }
        var sites = List.of(s.series().hostInstitutionId(), s.series().visitingInstitutionId());
        List<UUID> attendees = checked(c.attendeeIds(), "attendeeIds", p -> directory.worksAt(p, sites)
                ? null : ConsultationError.NOT_ATTENDEE);
        // a care relationship of the host, not existence: an unknown and a foreign resident get the same answer
        List<UUID> residents = checked(c.residentIds(), "residentIds", r -> directory.caresFor(s.series().hostInstitutionId(), r)
                ? null : ConsultationError.NOT_CARED_FOR);
        store.record(s, SessionStatus.HELD, optionalText(c.note(), "note", 1000), user.username(), now, attendees, residents);
        audit.record(AuditAction.UPDATE, SESSION, s.id().toString(), null, "held " + residents.size());
        residents.forEach(r -> audit.record(AuditAction.UPDATE, SESSION, s.id().toString(), r.toString(), "seen"));
    }

    @Override
    public SessionView cancel(UUID id, ConsultationNote reason) {
        CurrentUser user = users.require();
        SessionRow s = recordable(id, user);
        String text = requiredText(ConsultationInput.required(reason, "body").text(), "text", 1000);
        if (s.status() != SessionStatus.PLANNED) {
            throw new ConflictException(ConsultationError.SESSION_NOT_PLANNED, "status", s.status().name());
        }
        store.record(s, SessionStatus.CANCELLED, text, user.username(), clock.instant(), List.of(), List.of());
        audit.record(AuditAction.UPDATE, SESSION, s.id().toString(), null, "cancelled");
        return session(id);
    }

    private SessionRow visible(UUID id, CurrentUser user) {
        return ScopedLookup.visible(store.session(ConsultationInput.required(id, "id")), r -> access.canSee(user, r.series()), SESSION, id);
    }

    private SessionRow recordable(UUID id, CurrentUser user) {
        return ScopedLookup.actable(visible(id, user), r -> ConsultationAccess.admin(user) || access.onSide(user, r.series()),
                ConsultationError.NOT_A_SIDE, "RECORD");
    }

    /** The IDs of a list, each passing {@code check} (null) or refused naming {@code field[i]}; duplicates dropped. */
    private static List<UUID> checked(@Nullable List<UUID> ids, String field, Function<UUID, @Nullable ConsultationError> check) {
        if (ids == null) {
            return List.of();
        }
        var out = new LinkedHashSet<UUID>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ConsultationInput.required(ids.get(i), field + "[" + i + "]");
            ConsultationError refused = check.apply(id);
            if (refused != null) {
                throw new InvalidInputException(field + "[" + i + "]", refused, id);
            }
            out.add(id);
        }
        return List.copyOf(out);
    }

    private SeriesView view(SeriesRow s) {
        return new SeriesView(s.id(), s.kind(), s.title(), s.hostInstitutionId(), directory.name(s.hostInstitutionId()),
                s.visitingInstitutionId(), directory.name(s.visitingInstitutionId()), s.department(),
                store.experts(s.id()).stream().map(this::practitioner).toList(), s.agreementId(), s.consortiumId(),
                s.recurrence(), s.weekday(), s.startTime(), s.durationMinutes(), s.firstDay(), s.lastDay(),
                store.sessionCount(s.id()), s.createdBy(), s.createdAt());
    }

    /** The session; with {@code detail}, its attendees and — for the two sides, audited — the residents seen. */
    private SessionView view(SessionRow r, CurrentUser user, boolean detail) {
        SeriesRow s = r.series();
        boolean side = ConsultationAccess.admin(user) || access.onSide(user, s);
        List<SeriesView.Person> attendees = detail ? store.attendees(r.id()).stream().map(this::practitioner).toList() : List.of();
        List<SeriesView.Person> patients = List.of();
        if (detail && side) {
            patients = store.patients(r.id()).stream().map(p -> {
                audit.record(AuditAction.READ, SESSION, r.id().toString(), p.toString(), null);
                return new SeriesView.Person(p, directory.residentName(p));
            }).toList();
        }
        return new SessionView(r.id(), s.id(), s.kind(), s.title(), s.hostInstitutionId(), directory.name(s.hostInstitutionId()),
                s.visitingInstitutionId(), directory.name(s.visitingInstitutionId()), s.department(), r.startsAt(), r.endsAt(),
                r.status(), r.note(), attendees, patients, store.patientCount(r.id()), r.recordedBy(), r.recordedAt(),
                r.status() != SessionStatus.CANCELLED && side);
    }

    private SeriesView.Person practitioner(UUID id) {
        return new SeriesView.Person(id, directory.practitioner(id).map(PractitionerView::name).orElse(null));
    }
}
