package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.medunion.registry.ConsortiumForm;

/**
 * CN-2 — a regional imaging centre and a prescription pre-review centre led by the regional medical centre.
 * Each jurisdiction applying CN needs a regional consortium led by a regional medical centre with IMAGING and
 * PRESCRIPTION_REVIEW centres. Whether pre-review covers TCM prescriptions needs the pharmacy module (evidence note).
 */
final class SharedCentresPolicy extends RuleSupport {

    SharedCentresPolicy() {
        super("CN-2", Pack.CN, Severity.WARN, Coverage.PARTIAL);
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (String j : s.jurisdictionsApplying(Pack.CN).stream().sorted().toList()) {
            var led = s.activeConsortia(ConsortiumForm.REGIONAL).stream()
                    .filter(c -> Divisions.covers(j, c.districtCode()) && s.lead(c).map(l -> l.regionalMedicalCentre()).orElse(false))
                    .toList();
            boolean ok = led.stream().anyMatch(c -> {
                Set<String> have = SharedCentres.of(s, c);
                return have.contains("IMAGING") && have.contains("PRESCRIPTION_REVIEW");
            });
            if (!ok) {
                findings.add(open(s.jurisdictionSubject(j), "centres", Texts.text(j, " ", s.districtName(j), ": ", led.stream()
                        .map(c -> Texts.text(c.name(), " [", c.centres() == null ? List.of() : c.centres().stream()
                                .map(x -> Texts.code("Centre", x.toUpperCase(Locale.ROOT))).toList(), "]"))
                        .collect(Collectors.joining("; "))), args(s.districtName(j)),
                        led.stream().map(c -> c.id()).toList()));
            }
        }
        return findings;
    }
}
