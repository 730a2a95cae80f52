package org.medunion.pharmacy.web;

import java.util.ArrayList;
import java.util.List;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.Role;
import org.medunion.pharmacy.PrescriptionWorkload;
import org.medunion.web.console.WorkbenchTodo;
import org.medunion.web.console.WorkbenchTodos;
import org.springframework.stereotype.Component;

/**
 * The pharmacy lines of the home workbench: a pharmacist's review queue (always shown, with the overdue part first)
 * and dispensing list, a prescriber's returned prescriptions. Counts only (no prescription is read).
 */
@Component
class PharmacyWorkbench implements WorkbenchTodos {

    private final PrescriptionWorkload.Source workloads;

    PharmacyWorkbench(PrescriptionWorkload.Source workloads) {
        this.workloads = workloads;
    }

    @Override
    public List<WorkbenchTodo> todos(CurrentUser me) {
        List<WorkbenchTodo> out = new ArrayList<>();
        if (me.role() == Role.PHARMACIST) {
            var w = workloads.workload();
            if (w.overdue() > 0) {
                out.add(new WorkbenchTodo("todo.pharmacist.overdue", w.overdue(), "/console/pharmacy/review", true));
            }
            out.add(new WorkbenchTodo("todo.pharmacist.queue", w.inReview(), "/console/pharmacy/review", false));
            out.add(new WorkbenchTodo("todo.pharmacist.dispensing", w.toDispense(), "/console/pharmacy/dispensing", false));
        } else if (me.role() == Role.GP || me.role() == Role.SPECIALIST) {
            long returned = workloads.workload().returned();
            if (returned > 0) {
                out.add(new WorkbenchTodo("todo.gp.returnedRx", returned, "/console/pharmacy/prescriptions", false));
            }
        }
        return out;
    }
}
