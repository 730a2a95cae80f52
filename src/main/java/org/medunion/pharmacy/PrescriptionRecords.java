package org.medunion.pharmacy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.ChangeWindow;

/**
 * Prescriptions for exchange (the FHIR facade): the same scope as {@link PharmacyManagement#prescription} — the
 * prescribing institution, the reviewing institution's pharmacists, the dispensing site once approved — with each
 * prescription's last change time. Every prescription handed out is audited with the resident as subject.
 */
public interface PrescriptionRecords {

    /** At most this many matches per search (newest change first). */
    int MAX_MATCHES = 1000;

    /**
     * The caller's prescriptions of a resident, filtered in SQL by status (empty = any) and change time, newest change
     * first: ids and counts only, so a search can be paged before anything personal is read. A resident without a
     * visible prescription (or unknown) gives an empty list.
     */
    List<Match> matches(UUID residentId, Set<PrescriptionStatus> statuses, ChangeWindow changed);

    /**
     * The caller's prescriptions as review tasks: those reviewed by {@code reviewingInstitutionId} and of
     * {@code residentId} (null = any), filtered like {@link #matches}, newest change first, at most {@link #MAX_MATCHES}.
     */
    List<Match> reviews(@Nullable UUID reviewingInstitutionId, @Nullable UUID residentId, Set<PrescriptionStatus> statuses,
                        ChangeWindow changed);

    /** One prescription; not visible or unknown is {@code NotFoundException}. Audited as a read. */
    Entry read(PrescriptionId id);

    /** The visible ones of {@code ids} in the given order (invisible ones are left out), each audited as a search. */
    List<Entry> page(List<PrescriptionId> ids);

    /**
     * A search hit: enough to count the resources it gives.
     *
     * @param items    its lines
     * @param findings its pre-screen findings
     * @param reviewed whether a pharmacist has decided on it (approved or returned)
     */
    record Match(PrescriptionId id, PrescriptionStatus status, int items, int findings, boolean reviewed, Instant lastUpdated) {
    }

    /** A visible prescription, when it last changed, and its review history (approvals, returns, overrides) oldest first. */
    record Entry(PrescriptionView view, Instant lastUpdated, List<ReviewStep> review) {
    }

    /** One review step from the prescription's history: the action, its reason or note, when. */
    record ReviewStep(PrescriptionAction action, @Nullable String reason, Instant at) {
    }
}
