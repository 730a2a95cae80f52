package org.medunion.registry.web;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.DistrictView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.MedUnionException;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Component;

/** What the registry's console pages share: who may manage a consortium, the caller's districts, institution names. */
@Component
class RegistryConsoleSupport {

    private final RegistryManagement registry;
    private final ConsoleSupport support;

    RegistryConsoleSupport(RegistryManagement registry, ConsoleSupport support) {
        this.registry = registry;
        this.support = support;
    }

    /** A consortium office may manage its own consortium; planners and administrators any in their scope. */
    boolean canManage(ConsortiumId id) {
        var me = support.me();
        return support.isPlanner() || me.role() == Role.OFFICE && me.scope().type() == ScopeType.CONSORTIUM
                && id.toString().equals(me.scope().reference());
    }

    /** The districts a user works in: inside a jurisdiction scope, else every district (not the cities). */
    List<DistrictView> districtsInScope() {
        var scope = support.me().scope();
        boolean byPlace = scope.type() == ScopeType.GLOBAL || scope.type() == ScopeType.JURISDICTION;
        return registry.districts().stream()
                .filter(d -> byPlace ? scope.coversDivision(d.code()) && (d.parentCode() != null || scope.type() == ScopeType.GLOBAL)
                        : d.parentCode() != null)
                .toList();
    }

    /** A district's name; the code only if the registry does not know it. */
    String districtName(@Nullable String code) {
        return registry.districts().stream().filter(d -> d.code().equals(code)).map(DistrictView::name).findFirst()
                .orElse(code == null ? "" : code);
    }

    /** Names of the given institutions as far as the caller may see them; unseen ones show a short ID. */
    Map<InstitutionId, String> names(Collection<InstitutionId> ids) {
        Map<InstitutionId, String> names = new HashMap<>();
        for (InstitutionId id : ids.stream().distinct().toList()) {
            String name;
            try {
                name = registry.institution(id).map(i -> i.name()).orElse(null);
            } catch (MedUnionException e) {
                name = null;
            }
            names.put(id, name != null ? name : id.toString().substring(0, 8));
        }
        return names;
    }
}
