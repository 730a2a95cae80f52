package org.medunion.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.HospitalLevel;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.InstitutionView;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.PractitionerView;
import org.medunion.shared.DivisionCode;
import org.springframework.stereotype.Component;

/**
 * The registry's cross-scope look-ups ({@link org.medunion.registry.RegistryDirectory}): each reads in SQL only
 * the rows it answers with, so no caller needs the whole city to find one institution or consortium.
 */
@Component
class DirectoryQueries {

    private final InstitutionStore institutions;
    private final PractitionerStore practitioners;
    private final ConsortiumStore consortia;

    DirectoryQueries(InstitutionStore institutions, PractitionerStore practitioners, ConsortiumStore consortia) {
        this.institutions = institutions;
        this.practitioners = practitioners;
        this.consortia = consortia;
    }

    Optional<InstitutionView> institution(InstitutionId id) {
        return id == null ? Optional.empty() : institutions.find(id.value());
    }

    Map<InstitutionId, String> institutionNames(Collection<InstitutionId> ids) {
        Map<InstitutionId, String> names = new LinkedHashMap<>();
        institutions.briefs(ids.stream().filter(Objects::nonNull).map(InstitutionId::value).toList())
                .forEach((id, brief) -> names.put(new InstitutionId(id), brief.name()));
        return names;
    }

    Set<InstitutionId> institutionsWithin(String divisionCode) {
        if (divisionCode == null) {
            return Set.of();
        }
        var out = new LinkedHashSet<InstitutionId>();
        institutions.idsInDistricts(DivisionCode.significantPrefix(divisionCode)).forEach(id -> out.add(new InstitutionId(id)));
        return out;
    }

    List<InstitutionView> hospitals() {
        List<Object> params = List.of(HospitalLevel.SECONDARY.name(), HospitalLevel.TERTIARY.name());
        return institutions.query(" and i.level in (?, ?)", params, 0, Integer.MAX_VALUE).stream()
                .filter(i -> !i.isPrimary())
                .sorted(Comparator.comparing(InstitutionView::name)).toList();
    }

    Optional<ConsortiumView> consortium(ConsortiumId id) {
        return id == null ? Optional.empty() : consortia.find(id.value());
    }

    List<ConsortiumView> activeConsortiaOf(InstitutionId id) {
        if (id == null) {
            return List.of();
        }
        List<Object> params = new ArrayList<>();
        params.add(id.value());
        return consortia.query(" and c.active = true and c.id in (select m.consortium_id from registry_membership m"
                + " where m.institution_id = ? and m.end_date is null)", params);
    }

    Optional<PractitionerView> practitioner(PractitionerId id) {
        return id == null ? Optional.empty() : practitioners.find(id.value());
    }

    Map<PractitionerId, String> practitionerNames(Collection<PractitionerId> ids) {
        Map<PractitionerId, String> names = new LinkedHashMap<>();
        ids.stream().filter(Objects::nonNull).distinct()
                .forEach(id -> practitioners.find(id.value()).ifPresent(p -> names.put(id, p.name())));
        return names;
    }
}
