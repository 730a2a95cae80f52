package org.medunion.policy.rules;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.medunion.policy.PharmacyEvidenceSource.Catalogue;
import org.medunion.policy.PharmacyEvidenceSource.PharmacyEvidence;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionView;

/**
 * How a group's current members link their drug catalogues to the consortium formulary (RX-14): a member without a
 * catalogue on the platform, or with fewer of its items mapped than RX-14's {@code minCoverage} (its jurisdiction's
 * value, overrides honoured), is a gap. Shared by NN-8, NAT-6 and NAT-10.
 */
final class FormularyLinkage {

    private static final Rule RX14 = PrescriptionRules.all().stream().filter(r -> r.id().equals("RX-14")).findFirst().orElseThrow();

    /** A member's catalogue falling short; {@code catalogue} is null when the member has none on the platform. */
    record Gap(InstitutionView member, @Nullable Catalogue catalogue, double minCoverage) {

        String evidence() {
            return catalogue == null ? Texts.text(member.name(), ": ", Texts.term("catalogue"), " = 0")
                    : Texts.text(member.name(), ": ", catalogue.mapped(), "/", catalogue.items(), " = ", percent(catalogue.coverage()),
                            " < ", percent(minCoverage));
        }
    }

    private FormularyLinkage() {
    }

    static List<Gap> gaps(RegistrySnapshot s, ConsortiumView group, PharmacyEvidence e, Parameters p) {
        var out = new ArrayList<Gap>();
        for (var m : s.activeMembers(group)) {
            InstitutionView member = s.institution(m.institutionId());
            if (member == null) {
                continue; // an active member is in the snapshot; nothing to judge otherwise
            }
            double min = p.decimal(RX14, "minCoverage", member.districtCode());
            Catalogue catalogue = e.catalogues().get(m.institutionId().value());
            if (catalogue == null || catalogue.items() == 0) {
                out.add(new Gap(member, null, min));
            } else if (catalogue.coverage() < min - 1e-9) {
                out.add(new Gap(member, catalogue, min));
            }
        }
        return out;
    }

    static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }
}
