package org.medunion.registry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.medunion.registry.DistrictView;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.GridView;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.NotFoundException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registry")
@Tag(name = "registry", description = "Districts, grids, institutions, practitioners, consortia and change reports")
class ReferenceDataController {

    private final RegistryManagement registry;

    ReferenceDataController(RegistryManagement registry) {
        this.registry = registry;
    }

    @GetMapping("/districts")
    @Operation(summary = "Cities, districts and counties with their GB/T 2260 codes (reference data)")
    List<DistrictView> districts() {
        return registry.districts();
    }

    @GetMapping("/districts/{code}")
    @Operation(summary = "One city, district or county by GB/T 2260 code")
    DistrictView district(@PathVariable String code) {
        return registry.district(code).orElseThrow(() -> new NotFoundException("District", code));
    }

    @GetMapping("/grids")
    @Operation(summary = "Grids (网格), optionally of one district")
    List<GridView> grids(@RequestParam(required = false) String district) {
        return registry.grids(district);
    }

    @PostMapping("/grids")
    @Operation(summary = "Draw a grid over (part of) a district — planners and administrators")
    ResponseEntity<GridView> drawGrid(@RequestBody DrawGrid command) {
        GridView grid = registry.drawGrid(command);
        return ResponseEntity.created(URI.create("/api/registry/grids/" + grid.id())).body(grid);
    }
}
