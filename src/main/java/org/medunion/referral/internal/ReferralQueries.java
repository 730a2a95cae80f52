package org.medunion.referral.internal;

import static org.medunion.referral.internal.ReferralInput.required;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralCount;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralSearch;
import org.medunion.referral.ReferralStatistics;
import org.medunion.referral.ReferralStatus;
import org.medunion.referral.ReferralView;
import org.medunion.referral.TransitionView;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads, scoped to the caller and audited per referral with the resident as subject (I-13): one referral, its
 * timeline, the boxes, searches, a resident's referrals, and the statistics by role.
 */
@Service
@Transactional
class ReferralQueries {

    private static final String ORDER = "created_at desc, number desc";

    private final ReferralStore store;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final ReferralAccess access;
    private final ReferralLookup lookup;
    private final ReferralViews views;
    private final ReferralBoxes boxes;

    ReferralQueries(ReferralStore store, CurrentUsers users, AuditTrail audit, ReferralAccess access,
                    ReferralLookup lookup, ReferralViews views, ReferralBoxes boxes) {
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.access = access;
        this.lookup = lookup;
        this.views = views;
        this.boxes = boxes;
    }

    ReferralView get(ReferralId id) {
        CurrentUser user = users.require();
        Referral r = lookup.visible(id, user);
        audited(AuditAction.READ, r, r.number());
        return views.view(r, user, true);
    }

    Optional<ReferralView> byNumber(String number) {
        CurrentUser user = users.require();
        return store.findByNumber(number).filter(r -> access.canSee(user, r)).map(r -> {
            audited(AuditAction.READ, r, r.number());
            return views.view(r, user, true);
        });
    }

    List<TransitionView> timeline(ReferralId id) {
        CurrentUser user = users.require();
        Referral r = lookup.visible(id, user);
        audited(AuditAction.READ, r, "timeline");
        return store.transitions(r.id());
    }

    List<ReferralView> list(ReferralBox box, ReferralStatus status, int limit) {
        CurrentUser user = users.require();
        required(box, "box");
        var rows = boxes.list(user, box, status, Math.max(1, Math.min(limit <= 0 ? 100 : limit, 500)));
        rows.forEach(r -> audited(AuditAction.SEARCH, r, box.name()));
        return views.list(rows, user);
    }

    Slice<ReferralView> page(ReferralBox box, ReferralStatus status, int limit, int offset) {
        CurrentUser user = users.require();
        required(box, "box");
        var rows = boxes.list(user, box, status, Math.max(1, Math.min(limit, 500)), Math.max(0, offset));
        rows.forEach(r -> audited(AuditAction.SEARCH, r, box.name()));
        return new Slice<>(views.list(rows, user), boxes.count(user, box, status).total());
    }

    List<ReferralView> export(ReferralBox box, ReferralStatus status) {
        CurrentUser user = users.require();
        required(box, "box");
        var rows = boxes.list(user, box, status, ReferralManagement.EXPORT_LIMIT, 0);
        rows.forEach(r -> audited(AuditAction.EXPORT, r, box.name()));
        return views.list(rows, user);
    }

    ReferralCount count(ReferralBox box, @Nullable ReferralStatus status) {
        CurrentUser user = users.require();
        required(box, "box");
        return boxes.count(user, box, status);
    }

    Slice<ReferralView> search(ReferralSearch search) {
        CurrentUser user = users.require();
        var p = access.visible(user);
        var where = new StringBuilder(p.sql());
        var params = new ArrayList<Object>(p.params());
        filter(where, params, "to_institution_id = ?", search.toInstitutionId());
        filter(where, params, "from_institution_id = ?", search.fromInstitutionId());
        filter(where, params, "resident_id = ?", search.residentId());
        filter(where, params, "status = ?", search.status() == null ? null : search.status().name());
        filter(where, params, "updated_at >= ?", search.updatedFrom() == null ? null : Timestamp.from(search.updatedFrom()));
        filter(where, params, "updated_at <= ?", search.updatedTo() == null ? null : Timestamp.from(search.updatedTo()));
        int limit = Math.max(1, Math.min(search.limit(), 500));
        var rows = store.query(where.toString(), params, ORDER, limit, Math.max(0, search.offset()));
        long total = rows.size() < limit && (search.offset() == 0 || !rows.isEmpty()) ? search.offset() + rows.size()
                : store.count(where.toString(), params);
        rows.forEach(r -> audited(AuditAction.SEARCH, r, "search"));
        return new Slice<>(views.list(rows, user), total);
    }

    private static void filter(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    List<ReferralView> ofResident(UUID residentId) {
        CurrentUser user = users.require();
        required(residentId, "resident");
        var p = access.visible(user);
        var params = new ArrayList<Object>();
        params.add(residentId);
        params.addAll(p.params());
        var rows = store.query("resident_id = ? and " + p.sql(), params, ORDER, 200);
        rows.forEach(r -> audited(AuditAction.SEARCH, r, "resident"));
        return views.list(rows, user);
    }

    /** Administrators and planners (their jurisdiction, issue 10) for any consortium; the office for its own. */
    ReferralStatistics statistics(@Nullable UUID consortiumIdOrNull) {
        CurrentUser user = users.require();
        UUID consortium = consortiumIdOrNull;
        switch (user.role()) {
            case ADMIN, PLANNER -> {
            }
            case OFFICE -> {
                if (user.scope().reference() == null
                        || consortium != null && !consortium.toString().equals(user.scope().reference())) {
                    throw new ForbiddenException(ReferralError.WRONG_SIDE, "STATISTICS");
                }
                consortium = user.scope().referenceId();
            }
            default -> throw new ForbiddenException(ReferralError.WRONG_SIDE, "STATISTICS");
        }
        var query = new StatisticsQuery(store.jdbc());
        if (user.role() == Role.PLANNER) {
            var inside = access.jurisdiction(user, "r.");
            if (consortium != null) {
                var params = new ArrayList<Object>(inside.params());
                params.add(consortium);
                return query.compute(inside.sql() + " and r.consortium_id = ?", params);
            }
            return query.compute(inside.sql(), inside.params());
        }
        return query.compute(consortium);
    }

    private void audited(AuditAction action, Referral r, String detail) {
        audit.record(action, ReferralLookup.OBJECT, r.id().toString(), r.residentId().toString(), detail);
    }
}
