package org.medunion.fhir.internal.referral;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.Task;
import org.jspecify.annotations.Nullable;
import org.medunion.consultation.ConsultationId;
import org.medunion.consultation.ConsultationManagement;
import org.medunion.consultation.ConsultationSearch;
import org.medunion.consultation.ConsultationStatus;
import org.medunion.consultation.ConsultationView;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Systems;
import org.medunion.fhir.internal.Versions;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralSearch;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * Reads and the one search behind {@code ServiceRequest} and {@code Task}, which serve referrals and consultations alike
 * (decision 0180): every criterion, {@code _lastUpdated} included, is a SQL filter of the owning module's scoped
 * search, and each page is cut there. Without a kind the referrals come first, then the consultations: a page
 * that crosses the border takes the rest from the consultations, and the total is the sum of both counts.
 */
@Component
class Workflows {

    private final ReferralManagement referrals;
    private final ConsultationManagement consultations;

    Workflows(ReferralManagement referrals, ConsultationManagement consultations) {
        this.referrals = referrals;
        this.consultations = consultations;
    }

    ReferralManagement referrals() {
        return referrals;
    }

    ConsultationManagement consultations() {
        return consultations;
    }

    /** The referral with this id, else the consultation (each 404 outside the caller's scope). */
    Object find(UUID id) {
        try {
            return referrals.get(new ReferralId(id));
        } catch (NotFoundException e) {
            return consultations.get(new ConsultationId(id));
        }
    }

    /** A read (vread) of the referral or consultation behind a ServiceRequest or Task id. */
    <R extends Resource> R read(IdType id, Function<ReferralView, R> referral, Function<ConsultationView, R> consultation) {
        Object found = find(ReferralFhir.uuid(id.getIdPart(), null, "id"));
        if (found instanceof ReferralView r) {
            Versions.requireCurrent(id, r.version());
            return referral.apply(r);
        }
        ConsultationView c = (ConsultationView) found;
        Versions.requireCurrent(id, c.version());
        return consultation.apply(c);
    }

    /** The consultation behind a Consent, DocumentReference or Provenance id (404 outside the caller's scope). */
    ConsultationView consultation(IdType id) {
        ConsultationView c = consultations.get(new ConsultationId(ReferralFhir.uuid(id.getIdPart(), null, "id")));
        Versions.requireCurrent(id, c.version());
        return c;
    }

    /** Which workflows a search covers: a category, an identifier system or a consultation-only status narrows it. */
    enum Kind {

        REFERRAL, CONSULTATION, BOTH;

        boolean referrals() {
            return this != CONSULTATION;
        }

        boolean consultations() {
            return this != REFERRAL;
        }
    }

    /** The criteria of one search; null means any. {@code taskStatus} is a Task.status code. */
    record Criteria(Kind kind, @Nullable String number, @Nullable UUID to, @Nullable UUID from, @Nullable UUID resident,
                    @Nullable String taskStatus, @Nullable DateRangeParam lastUpdated) {
    }

    /**
     * The kind a {@code category} (ServiceRequest) or {@code code} (Task) and an identifier system ask for: SNOMED
     * 3457005 referral or 11429006 consultation; the referral or consultation number system.
     */
    static Kind kind(@Nullable TokenParam category, @Nullable TokenParam identifier) {
        if (category != null) {
            String system = category.getSystem();
            if (system != null && !system.isBlank() && !ReferralFhir.SNOMED.equals(system)) {
                throw new InvalidInputException("category", "request.unknownValue", system, ReferralFhir.SNOMED);
            }
            return switch (category.getValue() == null ? "" : category.getValue()) {
                case ReferralFhir.REFERRAL_CATEGORY -> Kind.REFERRAL;
                case ConsultationFhir.CONSULTATION_CATEGORY -> Kind.CONSULTATION;
                default -> throw new InvalidInputException("category", "request.unknownValue", category.getValue(),
                        ReferralFhir.REFERRAL_CATEGORY + ", " + ConsultationFhir.CONSULTATION_CATEGORY);
            };
        }
        if (identifier != null && Systems.ID_CONSULTATION.equals(identifier.getSystem())) {
            return Kind.CONSULTATION;
        }
        if (identifier != null && Systems.ID_REFERRAL.equals(identifier.getSystem())) {
            return Kind.REFERRAL;
        }
        return Kind.BOTH;
    }

    /** States in which the opinion is signed (DocumentReference, Provenance exist). */
    static final Set<ConsultationStatus> SIGNED = EnumSet.of(ConsultationStatus.OPINION_SIGNED,
            ConsultationStatus.ACKNOWLEDGED, ConsultationStatus.CLOSED);

    /**
     * A search over what consultations file (Consent; with {@link #SIGNED} the opinion and its Provenance), by
     * {@code patient} and {@code _lastUpdated}, scoped, audited and paged in the consultation module.
     */
    <R extends Resource> IBundleProvider records(@Nullable ReferenceParam patient, @Nullable DateRangeParam lastUpdated,
                                                 @Nullable Set<ConsultationStatus> statuses, Pages.Request page,
                                                 Function<ConsultationView, @Nullable R> mapper) {
        UUID resident = patient == null ? null : ReferralFhir.uuid(patient.getValue(), "Patient", "patient");
        var slice = consultations.search(new ConsultationSearch(null, null, null, resident, statuses,
                LastUpdated.from(lastUpdated), LastUpdated.to(lastUpdated), page.count(), page.first()));
        return Pages.of(page, slice.items().stream().map(mapper).filter(Objects::nonNull).toList(), slice.total());
    }

    /** The consultation behind a record id, mapped; 404 when it has no such record (an opinion not yet signed). */
    <R extends Resource> R record(IdType id, Function<ConsultationView, @Nullable R> mapper) {
        R r = mapper.apply(consultation(id));
        if (r == null) {
            throw new ResourceNotFoundException(id);
        }
        return r;
    }

    /** A Task update names the current version (if any) and the status it asks for. */
    static void checkUpdate(IdType id, long version, Task task) {
        if (id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(version))) {
            throw new ConflictException("common.staleVersion", "Task.meta.versionId");
        }
        if (!task.hasStatus()) {
            throw new InvalidInputException("Task.status", "field.required");
        }
    }

    /** Each row read is audited, so a page holds 1–200 (no total-only {@code _count=0}). */
    static Pages.Request page(Integer count, Integer offset) {
        return Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
    }

    <R extends Resource> IBundleProvider search(Criteria c, Pages.Request page, Function<ReferralView, R> referral,
                                                Function<ConsultationView, R> consultation) {
        ReferralStatus referralStatus = null;
        Set<ConsultationStatus> consultationStatuses = null;
        Kind kind = c.kind();
        if (c.taskStatus() != null) {
            referralStatus = referralStatus(c.taskStatus());
            consultationStatuses = consultationStatuses(c.taskStatus());
            if (referralStatus == null && consultationStatuses == null) {
                throw new InvalidInputException("status", "request.unknownValue", c.taskStatus(),
                        "draft, requested, on-hold, accepted, rejected, in-progress, completed, cancelled, failed");
            }
            kind = narrow(kind, referralStatus != null, consultationStatuses != null);
        }
        List<R> items = new ArrayList<>();
        long referralTotal = 0;
        if (kind.referrals()) {
            var search = new ReferralSearch(c.to(), c.from(), c.resident(), referralStatus, LastUpdated.from(c.lastUpdated()),
                    LastUpdated.to(c.lastUpdated()), page.count(), page.first());
            if (c.number() != null) {
                List<R> found = referrals.byNumber(c.number()).filter(r -> matches(r, search)).map(referral).stream().toList();
                referralTotal = found.size();
                items.addAll(found.subList(Math.min(page.first(), found.size()), found.size()));
            } else {
                var slice = referrals.search(search);
                referralTotal = slice.total();
                slice.items().stream().map(referral).forEach(items::add);
            }
        }
        long consultationTotal = 0;
        if (kind.consultations()) {
            int offset = (int) Math.max(0, page.first() - referralTotal);
            var slice = consultations.search(new ConsultationSearch(c.number(), c.to(), c.from(), c.resident(),
                    consultationStatuses, LastUpdated.from(c.lastUpdated()), LastUpdated.to(c.lastUpdated()),
                    page.count() - items.size(), offset));
            consultationTotal = slice.total();
            slice.items().stream().map(consultation).forEach(items::add);
        }
        return Pages.of(page, items, referralTotal + consultationTotal);
    }

    private static Kind narrow(Kind kind, boolean referral, boolean consultation) {
        if (kind == Kind.BOTH && !referral) {
            return Kind.CONSULTATION;
        }
        if (kind == Kind.BOTH && !consultation) {
            return Kind.REFERRAL;
        }
        return kind;
    }

    private static @Nullable ReferralStatus referralStatus(String taskStatus) {
        try {
            return ReferralFhir.status(taskStatus, "status");
        } catch (InvalidInputException e) {
            return null;
        }
    }

    private static @Nullable Set<ConsultationStatus> consultationStatuses(String taskStatus) {
        var set = ConsultationFhir.statuses(taskStatus);
        return set.isEmpty() ? null : set;
    }

    private static boolean matches(ReferralView r, ReferralSearch s) {
        return (s.toInstitutionId() == null || s.toInstitutionId().equals(r.toInstitutionId()))
                && (s.fromInstitutionId() == null || s.fromInstitutionId().equals(r.fromInstitutionId()))
                && (s.residentId() == null || s.residentId().equals(r.residentId()))
                && (s.status() == null || s.status() == r.status())
                && (s.updatedFrom() == null || !r.updatedAt().isBefore(s.updatedFrom()))
                && (s.updatedTo() == null || !r.updatedAt().isAfter(s.updatedTo()));
    }
}
