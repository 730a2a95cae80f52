package org.medunion.referral.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralCount;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralStatus;
import org.medunion.shared.ForbiddenException;
import org.springframework.stereotype.Component;

/** The caller's outbox, inbox and desk queue (overdue first) as SQL over referral_referral. */
@Component
class ReferralBoxes {

    /** A box as SQL: filter, parameters (for DESK the last one is the order's "now") and order. */
    record BoxQuery(String where, List<Object> params, String order) {
    }

    private final ReferralStore store;
    private final ReferralAccess access;
    private final Clock clock;

    ReferralBoxes(ReferralStore store, ReferralAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    List<Referral> list(CurrentUser user, ReferralBox box, ReferralStatus status, int limit) {
        return list(user, box, status, limit, 0);
    }

    /** A page of the box from {@code offset}, in the box's order. */
    List<Referral> list(CurrentUser user, ReferralBox box, ReferralStatus status, int limit, int offset) {
        var q = query(user, box, status);
        return store.query(q.where(), q.params(), q.order(), limit, offset);
    }

    /** Counts only (no resident data, so nothing to audit): what a workbench shows as "waiting for me". */
    ReferralCount count(CurrentUser user, ReferralBox box, @Nullable ReferralStatus status) {
        var q = query(user, box, status);
        var params = new ArrayList<Object>(List.of(ReferralStore.ts(clock.instant())));
        params.addAll(q.params().subList(0, q.params().size() - (box == ReferralBox.DESK ? 1 : 0)));
        return store.jdbc().sql("select count(*) as total, coalesce(sum(case when status = 'SUBMITTED' and (escalated = true"
                + " or acceptance_deadline < ?) then 1 else 0 end), 0) as overdue from referral_referral where " + q.where())
                .params(params)
                .query((rs, i) -> new ReferralCount(rs.getLong("total"), rs.getLong("overdue"))).single();
    }

    private BoxQuery query(CurrentUser user, ReferralBox box, @Nullable ReferralStatus status) {
        var where = new StringBuilder();
        var params = new ArrayList<Object>();
        String order = "created_at desc, number desc";
        switch (box) {
            case OUTBOX, INBOX -> sides(user, box, where, params);
            case DESK -> {
                desk(user, box, where, params);
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
            params.add(ReferralStore.ts(clock.instant()));
        }
        return new BoxQuery(where.toString(), params, order);
    }

    /** Administrators, integrators and planners see every box as all they may see. */
    private boolean wide(CurrentUser user, StringBuilder where, List<Object> params) {
        if (!ReferralAccess.unrestricted(user) && !ReferralAccess.jurisdictional(user)) {
            return false;
        }
        var p = access.visible(user);
        where.append(p.sql());
        params.addAll(p.params());
        return true;
    }

    private void sides(CurrentUser user, ReferralBox box, StringBuilder where, List<Object> params) {
        UUID inst = ReferralAccess.institutionOf(user);
        if (wide(user, where, params)) {
            return;
        }
        if (inst != null && ReferralAccess.clinician(user)) {
            // a draft is the sender's alone (issue 10): the receiver's inbox never lists one it may not open
            where.append(box == ReferralBox.OUTBOX ? "from_institution_id = ?" : "to_institution_id = ? and status <> 'DRAFT'");
            params.add(inst);
        } else {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, box.name());
        }
    }

    private void desk(CurrentUser user, ReferralBox box, StringBuilder where, List<Object> params) {
        if (wide(user, where, params)) {
            return;
        }
        if (user.role() == Role.OFFICE && user.scope().reference() != null
                && user.scope().type() == ScopeType.CONSORTIUM) {
            where.append("consortium_id = ?");
            params.add(user.scope().referenceId());
        } else {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, box.name());
        }
    }
}
