package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medunion.registry.ConsortiumForm;
import org.medunion.registry.GridId;
import org.medunion.registry.GridView;

/** NN-1 — grid plan: each grid is assigned to exactly one urban medical group that manages its institutions. */
final class GridAssignmentPolicy extends RuleSupport {

    GridAssignmentPolicy() {
        super("NN-1", Pack.NN, Severity.INFO, Coverage.EVALUATED);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        Map<GridId, List<String>> groups = new HashMap<>();
        for (var c : s.activeConsortia(ConsortiumForm.URBAN_GROUP)) {
            if (c.gridIds() != null) {
                c.gridIds().forEach(g -> groups.computeIfAbsent(g, k -> new ArrayList<>()).add(c.name()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (GridView g : s.grids()) {
            List<String> names = groups.getOrDefault(g.id(), List.of());
            if (names.size() != 1) {
                findings.add(open(s.gridSubject(g), names.isEmpty() ? "unassigned" : "multiple",
                        g.code() + " " + g.name() + ": " + names, args(g.name(), names.size(), String.join(", ", names)), g.id()));
            }
        }
        return findings;
    }
}
