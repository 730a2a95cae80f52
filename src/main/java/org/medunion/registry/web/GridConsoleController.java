package org.medunion.registry.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.medunion.identity.Scope;
import org.medunion.identity.ScopeType;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DistrictView;
import org.medunion.registry.GridView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.web.ConsolePage;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Who covers whom, by place: each district (GB/T 2260) with its grids, their population and the
 * consortia (and lead hospitals) covering each grid; places no consortium covers stand out.
 */
@Controller
@ConsolePage
class GridConsoleController {

    private final RegistryManagement registry;
    private final ConsoleSupport support;
    private final RegistryConsoleSupport registrySupport;

    GridConsoleController(RegistryManagement registry, ConsoleSupport support, RegistryConsoleSupport registrySupport) {
        this.registry = registry;
        this.support = support;
        this.registrySupport = registrySupport;
    }

    @GetMapping("/console/grids")
    String grids(Model model) {
        List<ConsortiumView> active = registry.consortia().stream().filter(ConsortiumView::active).toList();
        List<DistrictTile> tiles = new ArrayList<>();
        int uncoveredGrids = 0;
        Scope scope = support.me().scope();
        boolean byPlace = scope.type() == ScopeType.GLOBAL || scope.type() == ScopeType.JURISDICTION;
        for (DistrictView d : registry.districts().stream().sorted(Comparator.comparing(DistrictView::code)).toList()) {
            List<GridView> gridViews = registry.grids(d.code());
            boolean mine = byPlace ? scope.coversDivision(d.code())
                    : active.stream().anyMatch(c -> d.code().equals(c.districtCode())
                            || gridViews.stream().anyMatch(g -> c.gridIds().contains(g.id())));
            if (!mine || d.parentCode() == null && gridViews.isEmpty()) {
                continue;
            }
            List<GridTile> grids = new ArrayList<>();
            for (GridView g : gridViews.stream().sorted(Comparator.comparing(GridView::code)).toList()) {
                List<ConsortiumView> covering = active.stream().filter(c -> c.gridIds().contains(g.id())).toList();
                if (covering.isEmpty()) {
                    uncoveredGrids++;
                }
                grids.add(new GridTile(g, covering));
            }
            List<ConsortiumView> inDistrict = active.stream().filter(c -> d.code().equals(c.districtCode())).toList();
            tiles.add(new DistrictTile(d, grids, inDistrict));
        }
        List<InstitutionId> leads = active.stream().flatMap(c -> c.lead().stream()).toList();
        Map<InstitutionId, String> names = registrySupport.names(leads);
        model.addAttribute("tiles", tiles);
        model.addAttribute("names", names);
        model.addAttribute("uncoveredGrids", uncoveredGrids);
        model.addAttribute("uncoveredDistricts", tiles.stream().filter(DistrictTile::uncovered).count());
        return "grids";
    }

    /** A district with its grids and the consortia registered in it. */
    record DistrictTile(DistrictView district, List<GridTile> grids, List<ConsortiumView> consortia) {

        public boolean uncovered() {
            return consortia.isEmpty() && grids.stream().allMatch(GridTile::uncovered);
        }

        public long population() {
            return grids.isEmpty() ? district.population() : grids.stream().mapToLong(g -> g.grid().population()).sum();
        }
    }

    /** A grid and the active consortia covering it. */
    record GridTile(GridView grid, List<ConsortiumView> covering) {

        public boolean uncovered() {
            return covering.isEmpty();
        }
    }
}
