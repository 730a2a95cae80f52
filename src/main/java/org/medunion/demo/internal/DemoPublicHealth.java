package org.medunion.demo.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medunion.demo.DemoCityLoaded;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.PublicHealthDepartments;
import org.medunion.registry.RecordPublicHealthDepartment;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * NN-10 demo data: the standardised public-health departments (公共卫生科) of the Nanning groups' public hospitals, recorded
 * through the registry's API as the system. Both leads, the maternal-child hospital and two district hospitals have one;
 * the rehabilitation hospital's has no dedicated staff and 邕宁's hospital (under the second group's trusteeship) has
 * none, so the planner's compliance page shows NN-10 findings of both kinds.
 */
@Component
@Profile("demo")
class DemoPublicHealth {

    private final PublicHealthDepartments departments;
    private final Clock clock;

    DemoPublicHealth(PublicHealthDepartments departments, Clock clock) {
        this.departments = departments;
        this.clock = clock;
    }

    /** Returns how many departments it recorded; institutions missing from the city are skipped. */
    int seed(DemoCityLoaded city) {
        LocalDate today = LocalDate.now(clock);
        Map<String, RecordPublicHealthDepartment> plan = new LinkedHashMap<>();
        plan.put("nn.m1", new RecordPublicHealthDepartment(today.minusYears(3).withDayOfMonth(1), 6));
        plan.put("nn.m2", new RecordPublicHealthDepartment(today.minusYears(2).withDayOfMonth(1), 4));
        plan.put("nn.mch", new RecordPublicHealthDepartment(today.minusYears(2).withDayOfMonth(1), 2));
        plan.put("nn." + SouthwestDemo.XINGNING + ".hospital", new RecordPublicHealthDepartment(today.minusYears(1).withDayOfMonth(1), 2));
        plan.put("nn." + SouthwestDemo.LIANGQING + ".hospital",
                new RecordPublicHealthDepartment(today.minusMonths(8).withDayOfMonth(1), 1));
        // NN-10 findings: a department without dedicated staff; 邕宁's hospital has none recorded
        plan.put("nn.rehab", new RecordPublicHealthDepartment(today.minusMonths(6).withDayOfMonth(1), 0));
        int n = 0;
        for (var e : plan.entrySet()) {
            InstitutionId id = city.institutions().get(e.getKey());
            if (id != null) {
                departments.recordPublicHealthDepartment(id, e.getValue());
                n++;
            }
        }
        return n;
    }
}
