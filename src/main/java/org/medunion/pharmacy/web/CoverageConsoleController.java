package org.medunion.pharmacy.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.medunion.identity.Role;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueImport;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.PharmacyManagement;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.medunion.shared.web.ConsolePage;
import org.medunion.shared.web.CsvExport;
import org.medunion.shared.web.UploadedTable;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * RX-14 for the office: per member of the caller's consortium (or its own institution) how much of the member's
 * catalogue is mapped to the consortium formulary, the members below the RX-14 target first, the unmapped items
 * listed, and the same as CSV; a member's catalogue imported from a file, with a template to fill in.
 */
@Controller
@ConsolePage
class CoverageConsoleController {

    private final PharmacyManagement pharmacy;
    private final ConsoleSupport support;
    private final CatalogueFiles files;

    CoverageConsoleController(PharmacyManagement pharmacy, ConsoleSupport support, CatalogueFiles files) {
        this.pharmacy = pharmacy;
        this.support = support;
        this.files = files;
    }

    @ModelAttribute("maxUploadBytes")
    int maxUploadBytes() {
        return UploadedTable.MAX_BYTES;
    }

    @GetMapping("/console/pharmacy/coverage")
    String coverage(Model model) {
        model.addAttribute("rows", rows());
        return "pharmacy/coverage";
    }

    /**
     * A member's catalogue from a .csv or .xlsx file: imported whole and back to the page with the figures, or the page
     * again (400) with every rejected row in words and nothing written.
     */
    @PostMapping("/console/pharmacy/coverage")
    String importCatalogue(@RequestParam(required = false) String institutionId, @RequestParam(required = false) MultipartFile file,
                           Model model, HttpServletResponse response, RedirectAttributes flash)
            throws IOException {
        support.requireRole(Role.OFFICE, Role.PHARMACIST, Role.ADMIN);
        try {
            UUID member = member(institutionId);
            var table = files.read(file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            CatalogueImport result = pharmacy.importCatalogue(member, table);
            if (result.accepted()) {
                flash.addFlashAttribute("imported", result);
                return "redirect:/console/pharmacy/coverage";
            }
            model.addAttribute("rejected", files.rejected(result));
            model.addAttribute("rejectedRows", result.rows());
        } catch (MedUnionException e) {
            if (e.status() == 403) {
                throw e;
            }
            model.addAttribute("importErrors", support.feedback(e));
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("chosen", institutionId);
        model.addAttribute("rows", rows());
        return "pharmacy/coverage";
    }

    /** An empty file with the columns in the reader's language, to fill in Excel. */
    @GetMapping("/console/pharmacy/coverage/template.csv")
    ResponseEntity<byte[]> template() {
        support.requireRole(Role.OFFICE, Role.PHARMACIST, Role.ADMIN);
        return CsvExport.of("catalogue-template.csv", files.header(), List.of());
    }

    private static UUID member(String institutionId) {
        try {
            if (institutionId == null || institutionId.isBlank()) {
                throw new InvalidInputException("institutionId", "field.required");
            }
            return UUID.fromString(institutionId.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("institutionId", "field.required");
        }
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
