package org.medunion.referral.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.referral.ReferralBox;
import org.medunion.referral.ReferralCount;
import org.medunion.referral.ReferralManagement;
import org.medunion.referral.ReferralStatus;
import org.medunion.web.console.ConsoleSupport;
import org.medunion.web.console.WorkbenchFigures;
import org.medunion.web.console.WorkbenchTodo;
import org.medunion.web.console.WorkbenchTodos;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The referral lines of the home workbench: what is waiting for the caller, per role, with counts that link to
 * the filtered list, in the order of the daily work; and the planner's referrals-by-status chart. Only the
 * caller's own boxes (the referral module scopes them); counts, not lists, so no resident data is read.
 */
@Component
class ReferralWorkbench implements WorkbenchTodos, WorkbenchFigures {

    private final ReferralManagement referrals;
    private final ConsoleSupport support;

    ReferralWorkbench(ReferralManagement referrals, ConsoleSupport support) {
        this.referrals = referrals;
        this.support = support;
    }

    @Override
    public List<WorkbenchTodo> todos(CurrentUser me) {
        List<WorkbenchTodo> todos = new ArrayList<>();
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
        return todos;
    }

    /** A planner's (and administrator's) chart of the jurisdiction's referrals by status. */
    @Override
    public void addTo(CurrentUser me, Model model) {
        if (me.role() != Role.PLANNER && me.role() != Role.ADMIN) {
            return;
        }
        Map<ReferralStatus, Long> byStatus = referrals.statistics(null).byStatus();
        model.addAttribute("referralLabels", byStatus.keySet().stream()
                .map(st -> support.text("referral.status." + st.name())).collect(Collectors.joining("|")));
        model.addAttribute("referralValues", byStatus.values().stream().map(String::valueOf).collect(Collectors.joining(",")));
    }

    private void box(List<WorkbenchTodo> todos, ReferralBox box, @Nullable ReferralStatus status, String label) {
        ReferralCount c = referrals.count(box, status);
        String href = "/console/referrals?box=" + box + (status == null ? "" : "&status=" + status);
        add(todos, label, c, href);
    }

    private void followUps(List<WorkbenchTodo> todos) {
        add(todos, "todo.followUps", referrals.countOpenFollowUps(), "/console/referrals/follow-ups");
    }

    /** Overdue ones as their own line (shown first, in red) when there are any; the rest always. */
    private static void add(List<WorkbenchTodo> todos, String label, ReferralCount c, String href) {
        if (c.overdue() > 0) {
            todos.add(new WorkbenchTodo(label + ".overdue", c.overdue(), href, true));
        }
        todos.add(new WorkbenchTodo(label, c.total() - c.overdue(), href, false));
    }
}
