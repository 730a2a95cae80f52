package org.medunion.pharmacy.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.pharmacy.PrescriptionStatistics;
import org.medunion.pharmacy.PrescriptionStatus;
import org.medunion.pharmacy.PrescriptionView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The lists and statistics, each scoped by {@link PrescriptionAccess#predicate} and audited per prescription. */
@Service
@Transactional
class PrescriptionQueries {

    private static final int LIST_LIMIT = 500;

    private final PharmacyStore store;
    private final PrescriptionViews views;
    private final AuditTrail audit;

    PrescriptionQueries(PharmacyStore store, PrescriptionViews views, AuditTrail audit) {
        this.store = store;
        this.views = views;
        this.audit = audit;
    }

    List<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status, CurrentUser user) {
        var q = visible(status, user);
        return audited(store.list(q.where(), q.params(), LIST_LIMIT), user, "list");
    }

    /** One page of what the caller may see, returned ones first, then newest first; with the count of all. */
    Slice<PrescriptionView> prescriptions(@Nullable PrescriptionStatus status, int limit, int offset, CurrentUser user) {
        var q = visible(status, user);
        int n = Math.max(1, Math.min(limit, LIST_LIMIT));
        var rows = store.page(q.where(), q.params(), n, Math.max(0, offset));
        long total = offset <= 0 && rows.size() < n ? rows.size() : store.count(q.where(), q.params());
        return new Slice<>(audited(rows, user, "list"), total);
    }

    /** The caller's prescriptions as SQL, optionally of one status. */
    private record Visible(String where, List<Object> params) {
    }

    private static Visible visible(@Nullable PrescriptionStatus status, CurrentUser user) {
        var pred = PrescriptionAccess.predicate(user);
        List<Object> params = new ArrayList<>(pred.params());
        if (status == null) {
            return new Visible(pred.sql(), params);
        }
        params.add(status.name());
        return new Visible("(" + pred.sql() + ") and status = ?", params);
    }

    List<PrescriptionView> reviewQueue(CurrentUser user) {
        UUID inst = pharmacistsInstitution(user, PharmacyError.NOT_REVIEWER, "queue");
        return audited(store.list("reviewing_institution_id = ? and status = 'IN_REVIEW'", List.of(inst), LIST_LIMIT), user,
                "review queue");
    }

    List<PrescriptionView> dispensingList(CurrentUser user) {
        UUID inst = pharmacistsInstitution(user, PharmacyError.NOT_DISPENSER, "list");
        return audited(store.list("dispensing_institution_id = ? and status in ('APPROVED', 'PARTIALLY_DISPENSED')", List.of(inst),
                LIST_LIMIT), user, "dispensing list");
    }

    PrescriptionStatistics statistics(CurrentUser user) {
        var pred = PrescriptionAccess.predicate(user);
        var byStatus = new EnumMap<PrescriptionStatus, Long>(PrescriptionStatus.class);
        store.countBy("status", pred.sql(), pred.params()).forEach((k, v) -> byStatus.put(PrescriptionStatus.valueOf(k), v));
        long returns = store.list(pred.sql(), pred.params(), 100_000).stream()
                .filter(p -> p.progress().returnReason() != null || p.status() == PrescriptionStatus.RETURNED).count();
        return new PrescriptionStatistics(byStatus, returns, store.sum("override_count", pred.sql(), pred.params()),
                store.findingsByCategory(pred.sql(), pred.params()));
    }

    private static UUID pharmacistsInstitution(CurrentUser user, PharmacyError refusal, String what) {
        UUID inst = PrescriptionAccess.institutionOf(user);
        if (user.role() != Role.PHARMACIST || inst == null) {
            throw new ForbiddenException(refusal, what);
        }
        return inst;
    }

    private List<PrescriptionView> audited(List<Prescription> rows, CurrentUser user, String what) {
        for (var p : rows) {
            audit.record(AuditAction.SEARCH, Prescriptions.OBJECT, p.id.toString(), p.residentId.toString(), what);
        }
        return rows.stream().map(p -> views.view(p, user)).toList();
    }
}
