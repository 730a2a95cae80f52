package org.medunion.consultation.internal;

import static org.medunion.consultation.internal.ConsultationInput.optionalText;
import static org.medunion.consultation.internal.ConsultationInput.requiredText;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationError;
import org.medunion.consultation.CreateSeries;
import org.medunion.consultation.SessionKind;
import org.medunion.consultation.SessionRecurrence;
import org.medunion.identity.CurrentUser;
import org.medunion.registry.AgreementView;
import org.medunion.registry.InstitutionCategory;
import org.medunion.registry.InstitutionView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.RuleViolationException.Violation;
import org.springframework.stereotype.Component;

/**
 * Creating a series (decision 0246): the input (400 naming the field), the caller's side (403), the sites (a patrol is
 * a community health centre visiting a nursing home; the office of the consortium the two share plans for them too),
 * the named experts (of the visiting institution), TM-1 for the
 * telemedicine kinds (422), then one insert of the series and all its sessions. Nothing is written when a check fails.
 */
@Component
class SeriesCreation {

    /** A technical bound on one request (two years of weekly sessions), not a policy number. */
    static final int MAX_SESSIONS = 110;
    private static final int MIN_MINUTES = 15;
    private static final int MAX_MINUTES = 720;

    private final SeriesStore store;
    private final ConsultationGates gates;
    private final ConsultationDirectory directory;
    private final Clock clock;

    SeriesCreation(SeriesStore store, ConsultationGates gates, ConsultationDirectory directory, Clock clock) {
        this.store = store;
        this.gates = gates;
        this.directory = directory;
        this.clock = clock;
    }

    SeriesRow create(@Nullable CreateSeries command, CurrentUser user, Instant now) {
        CreateSeries c = ConsultationInput.required(command, "body");
        SessionKind kind = ConsultationInput.required(c.kind(), "kind");
        String title = requiredText(c.title(), "title", 200);
        UUID host = ConsultationInput.required(c.hostInstitutionId(), "hostInstitutionId");
        UUID visiting = ConsultationInput.required(c.visitingInstitutionId(), "visitingInstitutionId");
        SessionRecurrence recurrence = ConsultationInput.required(c.recurrence(), "recurrence");
        int weekday = ConsultationInput.required(c.weekday(), "weekday");
        LocalTime start = ConsultationInput.required(c.startTime(), "startTime");
        int minutes = ConsultationInput.required(c.durationMinutes(), "durationMinutes");
        LocalDate first = ConsultationInput.required(c.firstDay(), "firstDay");
        LocalDate last = ConsultationInput.required(c.lastDay(), "lastDay");
        String department = optionalText(c.department(), "department", 100);
        if (weekday < 1 || weekday > 7) {
            throw new InvalidInputException("weekday", ConsultationError.SERIES_SCHEDULE, weekday);
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new InvalidInputException("durationMinutes", ConsultationError.SERIES_SCHEDULE, minutes);
        }
        if (last.isBefore(first)) {
            throw new InvalidInputException("lastDay", ConsultationError.SERIES_DATES, last, first);
        }
        if (host.equals(visiting)) {
            throw new InvalidInputException("visitingInstitutionId", ConsultationError.SAME_INSTITUTION);
        }
        UUID office = ConsultationAccess.officeOf(user);
        if (office == null && !onSide(user, host, visiting)) {
            throw new ForbiddenException(ConsultationError.NOT_A_SIDE, "hostInstitutionId");
        }
        InstitutionView hostSite = site(host, "hostInstitutionId");
        InstitutionView visitor = site(visiting, "visitingInstitutionId");
        if (kind == SessionKind.NURSING_HOME_PATROL && (hostSite.category() != InstitutionCategory.NURSING_HOME
                || visitor.category() == null || !visitor.category().isPrimary())) {
            throw new InvalidInputException("hostInstitutionId", ConsultationError.PATROL_SITES);
        }
        List<UUID> experts = experts(c.expertPractitionerIds(), visiting);
        List<LocalDate> days = SessionDates.days(recurrence, DayOfWeek.of(weekday), first, last);
        if (days.size() > MAX_SESSIONS) {
            throw new InvalidInputException("lastDay", ConsultationError.SERIES_TOO_LONG, days.size(), MAX_SESSIONS);
        }
        AgreementView agreement = null;
        if (kind.telemedicine()) {
            var violations = new ArrayList<Violation>();
            agreement = gates.agreement(host, visiting, first, hostSite.districtCode(), violations).orElse(null);
            ConsultationGates.refuseIf(violations);
        }
        UUID consortium = agreement != null ? agreement.consortiumId().value()
                : directory.commonConsortium(host, visiting).orElse(null);
        officePlansItsOwn(office, consortium);
        var series = new SeriesRow(UUID.randomUUID(), kind, title, host, hostSite.districtCode(), visiting, department,
                agreement == null ? null : agreement.id(), consortium, recurrence, weekday, start, minutes, first, last,
                user.username(), now);
        store.insert(series, experts);
        for (LocalDate day : days) {
            Instant at = day.atTime(start).atZone(clock.getZone()).toInstant();
            store.insertSession(UUID.randomUUID(), series.id(), at, at.plusSeconds(60L * minutes));
        }
        return series;
    }

    /** The office plans the sessions of its own consortium's members (decision 0253), no one else's. */
    private static void officePlansItsOwn(@Nullable UUID office, @Nullable UUID consortium) {
        if (office != null && !office.equals(consortium)) {
            throw new ForbiddenException(ConsultationError.NOT_A_SIDE, "hostInstitutionId");
        }
    }

    private static boolean onSide(CurrentUser user, UUID host, UUID visiting) {
        UUID mine = ConsultationAccess.institutionOf(user);
        return ConsultationAccess.admin(user)
                || ConsultationAccess.clinician(user) && mine != null && (mine.equals(host) || mine.equals(visiting));
    }

    private InstitutionView site(UUID id, String field) {
        return directory.institution(id).orElseThrow(() -> new InvalidInputException(field, ConsultationError.NO_INSTITUTION, id));
    }

    /** The named experts: registry practitioners of the visiting institution (duplicates dropped). */
    private List<UUID> experts(@Nullable List<UUID> ids, UUID visiting) {
        if (ids == null) {
            return List.of();
        }
        var out = new LinkedHashSet<UUID>();
        for (int i = 0; i < ids.size(); i++) {
            UUID id = ConsultationInput.required(ids.get(i), "expertPractitionerIds[" + i + "]");
            if (!directory.worksAt(id, List.of(visiting))) {
                throw new InvalidInputException("expertPractitionerIds[" + i + "]", ConsultationError.NOT_ATTENDEE, id);
            }
            out.add(id);
        }
        return List.copyOf(out);
    }
}
