package org.medunion.pharmacy.web;

import java.util.List;
import java.util.stream.Collectors;
import org.medunion.identity.Role;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * RX-14 for the office: per member of the caller's consortium (or its own institution) how much of the member's
 * catalogue is mapped to the consortium formulary, the members below the RX-14 target first, the unmapped items
 * listed, and the same as CSV.
 */
@Controller
@ConsolePage
class CoverageConsoleController {

    private final PharmacyManagement pharmacy;
    private final ConsoleSupport support;

    CoverageConsoleController(PharmacyManagement pharmacy, ConsoleSupport support) {
        this.pharmacy = pharmacy;
        this.support = support;
    }

    @GetMapping("/console/pharmacy/coverage")
    String coverage(Model model) {
        model.addAttribute("rows", rows());
        return "pharmacy/coverage";
    }

    /** The page as shown, as CSV: one row per member, the unmapped items by name. */
    @GetMapping("/console/pharmacy/coverage/export.csv")
    ResponseEntity<byte[]> export() {
        List<List<String>> rows = rows().stream().map(c -> List.of(c.institutionName(), String.valueOf(c.items()),
                String.valueOf(c.mapped()), percent(c.coverage()), percent(c.target()),
                support.text(c.belowTarget() ? "pharmacy.coverage.below" : "pharmacy.coverage.met"),
                c.unmapped().stream().map(CatalogueItem::localName).collect(Collectors.joining("、")))).toList();
        return CsvExport.of("formulary-coverage.csv", List.of(support.text("pharmacy.coverage.member"),
                support.text("pharmacy.coverage.items"), support.text("pharmacy.coverage.mapped"),
                support.text("pharmacy.coverage.share"), support.text("pharmacy.coverage.target"),
                support.text("pharmacy.coverage.state"), support.text("pharmacy.coverage.unmapped")), rows);
    }

    private List<CatalogueCoverage> rows() {
        support.requireRole(Role.OFFICE, Role.PHARMACIST, Role.ADMIN);
        return pharmacy.coverage().stream()
                .sorted((a, b) -> a.belowTarget() != b.belowTarget() ? (a.belowTarget() ? -1 : 1)
                        : Double.compare(a.coverage(), b.coverage()))
                .toList();
    }

    static String percent(double share) {
        return Math.round(share * 1000) / 10.0 + "%";
    }
}
