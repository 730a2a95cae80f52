package org.medunion.referral.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.referral.FollowUpView;
import org.medunion.referral.MarkFollowUpDone;
import org.medunion.referral.ReferralAction;
import org.medunion.referral.ReferralCount;
import org.medunion.referral.ReferralError;
import org.medunion.referral.ReferralId;
import org.medunion.referral.ReferralStatus;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.Masking;
import org.medunion.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The family doctor's follow-up tasks of downward referrals (随访任务): the receiving institution's open list,
 * earliest due first, and marking a task done once. Only referrals that were sent and not refused count —
 * a draft, a rejected, cancelled or expired referral gives the receiver no tasks.
 */
@Component
class FollowUpDesk {

    static final String OBJECT = "ReferralFollowUp";
    static final Set<ReferralStatus> SENT = EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.ACCEPTED,
            ReferralStatus.ARRIVED, ReferralStatus.COMPLETED);
    private static final String SENT_SQL = SENT.stream().map(s -> "'" + s.name() + "'").collect(Collectors.joining(", "));

    private final ReferralStore store;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final Clock clock;
    private final ReferralAccess access;

    FollowUpDesk(ReferralStore store, CurrentUsers users, AuditTrail audit, Clock clock, ReferralAccess access) {
        this.access = access;
        this.store = store;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    List<FollowUpView> open(int limit) {
        CurrentUser user = users.require();
        var params = new ArrayList<Object>();
        String where = openWhere(user, params);
        params.add(Math.max(1, Math.min(limit <= 0 ? 200 : limit, 500)));
        var rows = store.jdbc().sql(SELECT + " where " + where + " order by t.due_date, r.number, t.description limit ?")
                .params(params).query(mapper(user)).list();
        rows.forEach(f -> audit.record(AuditAction.SEARCH, OBJECT, f.taskId().toString(), f.residentId().toString(),
                "open"));
        return rows;
    }

    /** The size of {@link #open}'s list and how much of it is past due; counts only, so nothing to audit. */
    ReferralCount count() {
        var params = new ArrayList<Object>();
        params.add(LocalDate.now(clock));
        String where = openWhere(users.require(), params);
        return store.jdbc().sql("select count(*) as total, coalesce(sum(case when t.due_date < ? then 1 else 0 end), 0) as overdue"
                + " from referral_follow_up_task t join referral_referral r on r.id = t.referral_id where " + where)
                .params(params)
                .query((rs, i) -> new ReferralCount(rs.getLong("total"), rs.getLong("overdue"))).single();
    }

    /** The caller's open tasks as SQL (the parameters are appended to {@code params}). */
    private String openWhere(CurrentUser user, List<Object> params) {
        var where = new StringBuilder("t.done = false and r.status in (" + SENT_SQL + ")");
        UUID inst = ReferralAccess.institutionOf(user);
        if (ReferralAccess.unrestricted(user)) {
            // all institutions
        } else if (ReferralAccess.jurisdictional(user)) {
            var inside = access.visible(user, "r.");
            where.append(" and ").append(inside.sql());
            params.addAll(inside.params());
        } else if (user.role() == Role.GP && inst != null) {
            where.append(" and r.to_institution_id = ?");
            params.add(inst);
        } else if (isOffice(user)) {
            where.append(" and r.consortium_id = ?");
            params.add(user.scope().referenceId());
        } else {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "FOLLOW_UP");
        }
        return where.toString();
    }

    FollowUpView markDone(ReferralId id, UUID taskId, MarkFollowUpDone command) {
        CurrentUser user = users.require();
        if (id == null) {
            throw new InvalidInputException("id", "field.required");
        }
        if (taskId == null) {
            throw new InvalidInputException("taskId", "field.required");
        }
        String note = command == null || command.note() == null || command.note().isBlank() ? null : command.note().trim();
        if (note != null && note.length() > 1000) {
            throw new InvalidInputException("note", ReferralError.TEXT_TOO_LONG, 1000);
        }
        Referral r = store.find(id.value()).filter(x -> access.canSee(user, x))
                .orElseThrow(() -> new NotFoundException("Referral", id));
        if (!mayMark(user, r)) {
            throw new ForbiddenException(ReferralError.WRONG_SIDE, "FOLLOW_UP");
        }
        var task = find(user, r.id(), taskId);
        if (!SENT.contains(r.status())) {
            throw new ConflictException(ReferralError.FOLLOW_UP_NOT_OPEN, "status", r.status().name());
        }
        if (task.done()) {
            throw new ConflictException(ReferralError.FOLLOW_UP_ALREADY_DONE, "taskId", task.doneBy());
        }
        int n = store.jdbc().sql("""
                update referral_follow_up_task set done = true, done_at = ?, done_by = ?, done_note = ?
                where id = ? and referral_id = ? and done = false""")
                .params(Arrays.asList(ReferralStore.ts(clock.instant()), user.username(), note, taskId, r.id())).update();
        if (n != 1) {
            // a concurrent request marked it first
            throw new ConflictException(ReferralError.FOLLOW_UP_ALREADY_DONE, "taskId", "");
        }
        audit.record(AuditAction.UPDATE, OBJECT, taskId.toString(), r.residentId().toString(), "DONE " + r.number());
        return find(user, r.id(), taskId);
    }

    private FollowUpView find(CurrentUser user, UUID referralId, UUID taskId) {
        return store.jdbc().sql(SELECT + " where t.id = ? and t.referral_id = ?").params(taskId, referralId)
                .query(mapper(user)).optional().orElseThrow(() -> new NotFoundException("FollowUpTask", taskId));
    }

    /** The receiving institution's family doctor, the consortium's office (desk), administrators, integrators inside their jurisdiction. */
    boolean mayMark(CurrentUser user, Referral r) {
        if (ReferralAccess.unrestricted(user)) {
            return true;
        }
        if (ReferralAccess.jurisdictional(user)) {
            return access.mayAct(user, r, ReferralAction.COMPLETE);
        }
        if (user.role() == Role.GP) {
            UUID inst = ReferralAccess.institutionOf(user);
            return inst != null && inst.equals(r.toInstitutionId());
        }
        return ReferralAccess.isDeskOf(user, r);
    }

    private static boolean isOffice(CurrentUser user) {
        return user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && user.scope().reference() != null;
    }

    private static final String SELECT = """
            select t.id, t.referral_id, t.description, t.due_date, t.done, t.done_at, t.done_by, t.done_note,
                   r.number, r.status, r.from_institution_id, r.to_institution_id, r.resident_id, r.resident_name,
                   r.resident_id_number
            from referral_follow_up_task t join referral_referral r on r.id = t.referral_id""";

    private RowMapper<FollowUpView> mapper(CurrentUser user) {
        boolean unmasked = user.role().seesFullIdentifiers();
        LocalDate today = LocalDate.now(clock);
        return (rs, n) -> {
            LocalDate due = rs.getObject("due_date", LocalDate.class);
            boolean done = rs.getBoolean("done");
            String idNumber = rs.getString("resident_id_number");
            return new FollowUpView(rs.getObject("id", UUID.class), new ReferralId(rs.getObject("referral_id", UUID.class)),
                    rs.getString("number"), ReferralStatus.valueOf(rs.getString("status")),
                    rs.getObject("from_institution_id", UUID.class), rs.getObject("to_institution_id", UUID.class),
                    rs.getObject("resident_id", UUID.class), rs.getString("resident_name"),
                    unmasked ? idNumber : Masking.residentId(idNumber), rs.getString("description"), due,
                    !done && due.isBefore(today), done, ReferralStore.instant(rs, "done_at"), rs.getString("done_by"),
                    rs.getString("done_note"));
        };
    }
}
