package org.medunion.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medunion.identity.CurrentUser;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralCount;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.springframework.stereotype.Component;

/**
 * What is waiting for the caller, per role, with counts that link to the filtered list: overdue items first,
 * then the rest in the order of the daily work. Only the caller's own boxes (the referral module scopes them).
 */
@Component
class Workbench {

    private final ReferralManagement referrals;

    Workbench(ReferralManagement referrals) {
        this.referrals = referrals;
    }

    /** One line of the to-do card: a label key, its count, where the list is, and whether it is overdue. */
    record Todo(String label, long count, String href, boolean overdue) {
    }

    List<Todo> todos(CurrentUser me) {
        List<Todo> todos = new ArrayList<>();
        switch (me.role()) {
            case GP -> {
                followUps(todos);
                box(todos, ReferralBox.OUTBOX, ReferralStatus.ACCEPTED, "todo.gp.accepted");
                box(todos, ReferralBox.OUTBOX, ReferralStatus.REJECTED, "todo.gp.rejected");
                box(todos, ReferralBox.INBOX, ReferralStatus.SUBMITTED, "todo.gp.downward");
                box(todos, ReferralBox.OUTBOX, ReferralStatus.DRAFT, "todo.gp.drafts");
            }
            case SPECIALIST -> {
                box(todos, ReferralBox.INBOX, ReferralStatus.SUBMITTED, "todo.specialist.inbox");
                box(todos, ReferralBox.INBOX, ReferralStatus.ACCEPTED, "todo.specialist.arrivals");
                box(todos, ReferralBox.INBOX, ReferralStatus.ARRIVED, "todo.specialist.complete");
                box(todos, ReferralBox.OUTBOX, ReferralStatus.DRAFT, "todo.gp.drafts");
            }
            case OFFICE, ADMIN -> {
                box(todos, ReferralBox.DESK, null, "todo.office.desk");
                followUps(todos);
            }
            default -> {
                // planner, pharmacist, centre staff, integrator: nothing queues up for them in the console yet
            }
        }
        todos.sort(Comparator.comparing(Todo::overdue).reversed());
        return todos;
    }

    private void box(List<Todo> todos, ReferralBox box, ReferralStatus status, String label) {
        ReferralCount c = referrals.count(box, status);
        String href = "/console/referrals?box=" + box + (status == null ? "" : "&status=" + status);
        add(todos, label, c, href);
    }

    private void followUps(List<Todo> todos) {
        add(todos, "todo.followUps", referrals.countOpenFollowUps(), "/console/referrals/follow-ups");
    }

    /** Overdue ones as their own line (shown first, in red) when there are any; the rest always. */
    private static void add(List<Todo> todos, String label, ReferralCount c, String href) {
        if (c.overdue() > 0) {
            todos.add(new Todo(label + ".overdue", c.overdue(), href, true));
        }
        todos.add(new Todo(label, c.total() - c.overdue(), href, false));
    }
}
