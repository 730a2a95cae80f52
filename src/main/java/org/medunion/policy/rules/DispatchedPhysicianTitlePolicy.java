package org.medunion.policy.rules;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medunion.registry.Affiliation;
import org.medunion.registry.DispatchKind;
import org.medunion.registry.DispatchView;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerView;
import org.medunion.registry.Profession;
import org.medunion.registry.Title;

/**
 * SH-8 — physicians dispatched from a municipal hospital to district or community level (regional role) are at least senior attendings: ATTENDING title held ≥ {years} (default 5)
 * years on the dispatch start date, or ASSOCIATE_CHIEF and above. Nurses, technicians and pharmacists are
 * relaxed ("护理、医技人员要求可适当放宽") and not checked.
 */
final class DispatchedPhysicianTitlePolicy extends RuleSupport {

    DispatchedPhysicianTitlePolicy() {
        super("SH-8", Pack.SH, Severity.BLOCK, Coverage.EVALUATED, Map.of("years", "5"));
    }

    @Override
    public List<Finding> evaluate(RegistrySnapshot s, Parameters p) {
        List<Finding> findings = new ArrayList<>();
        for (DispatchView d : s.dispatches()) {
            if (d.kind() != DispatchKind.EXPERT || Terms.endedBefore(d.endDate(), s.today())) {
                continue;
            }
            PractitionerView pr = s.practitioner(d.practitionerId());
            if (pr == null || pr.profession() != Profession.PHYSICIAN || !downwardInRegionalRole(s, d)) {
                continue;
            }
            Subject subject = s.dispatchSubject(d, pr);
            int years = p.intValue(this, "years", subject.divisionCode());
            if (!qualified(pr, d, years)) {
                findings.add(open(subject, "title",
                        Texts.text(pr.name(), ": ", pr.title(), " ", pr.titleDate(), " / ", d.startDate(), " (", Title.ATTENDING, " ≥ ",
                                years,
                                ")"),
                        args(pr.name(), pr.title(), pr.titleDate(), d.startDate(), years), pr.id(), d.toInstitutionId(), d.id(),
                        pr.institutionId()));
            }
        }
        return findings;
    }

    /**
     * SH-8 covers physicians a municipal hospital sends down to district or community level in a consortium of the
     * regional role (rules.md interpretation notes); district→community or specialty-alliance dispatches are the
     * parties' business.
     */
    static boolean downwardInRegionalRole(RegistrySnapshot s, DispatchView d) {
        var c = s.consortium(d.consortiumId());
        InstitutionView from = s.institution(d.fromInstitutionId());
        InstitutionView to = s.institution(d.toInstitutionId());
        if (c == null || !RegistrySnapshot.regionalRole(c) || from == null || to == null) {
            return false;
        }
        return s.main(from).affiliation() == Affiliation.MUNICIPAL && to.affiliation() != Affiliation.MUNICIPAL;
    }

    static boolean qualified(PractitionerView pr, DispatchView d, int years) {
        if (pr.title() == null) {
            return false;
        }
        if (pr.title().atLeast(Title.ASSOCIATE_CHIEF)) {
            return true;
        }
        return pr.title() == Title.ATTENDING && Terms.heldFor(pr.titleDate(), d.startDate(), Period.ofYears(years));
    }
}
