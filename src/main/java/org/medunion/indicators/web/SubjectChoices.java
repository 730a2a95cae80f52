package org.medunion.indicators.web;

import java.util.ArrayList;
import java.util.List;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.ScopeType;
import org.medunion.indicators.Level;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.RegistryManagement;
import org.springframework.stereotype.Component;

/**
 * The subjects a console user may look at: the planner's districts and consortia, the office's consortium, a lead
 * hospital's own consortium and itself (an institution: itself).
 */
@Component
class SubjectChoices {

    /** One subject; {@code key} is {@code LEVEL:subject}. */
    record Choice(String key, Level level, String subject, String name) {
    }

    private final RegistryManagement registry;

    SubjectChoices(RegistryManagement registry) {
        this.registry = registry;
    }

    List<Choice> of(CurrentUser me) {
        var out = new ArrayList<Choice>();
        if (me.scope().type() == ScopeType.JURISDICTION || me.scope().type() == ScopeType.GLOBAL) {
            registry.districts().stream().filter(d -> d.parentCode() != null && me.scope().coversDivision(d.code()))
                    .forEach(d -> out.add(new Choice("DISTRICT:" + d.code(), Level.DISTRICT, d.code(), d.name())));
            registry.consortia().stream().filter(ConsortiumView::active)
                    .forEach(c -> out.add(consortium(c)));
        } else if (me.scope().type() == ScopeType.CONSORTIUM && me.scope().referenceId() != null) {
            registry.consortiumEntry(new ConsortiumId(me.scope().referenceId()))
                    .ifPresent(c -> out.add(consortium(c)));
        } else if (me.scope().type() == ScopeType.INSTITUTION && me.scope().referenceId() != null) {
            InstitutionId own = new InstitutionId(me.scope().referenceId());
            registry.activeConsortiaOf(own).stream()
                    .filter(c -> c.members().stream().anyMatch(m -> m.role() == MembershipRole.LEAD
                            && m.institutionId().equals(own) && m.endDate() == null))
                    .forEach(c -> out.add(consortium(c)));
            registry.institutionEntry(own)
                    .ifPresent(i -> out.add(new Choice("INSTITUTION:" + own.value(), Level.INSTITUTION, own.value().toString(), i.name())));
        }
        return out;
    }

    private static Choice consortium(ConsortiumView c) {
        return new Choice("CONSORTIUM:" + c.id().value(), Level.CONSORTIUM, c.id().value().toString(), c.name());
    }
}
