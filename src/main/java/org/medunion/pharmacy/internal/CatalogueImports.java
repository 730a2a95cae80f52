package org.medunion.pharmacy.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.pharmacy.CatalogueImport;
import org.medunion.pharmacy.CatalogueImport.Rejected;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.shared.Csv;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member's catalogue from a file (RX-14): each row checked as the API checks an item, every problem reported with
 * its row and column, and only a file without problems written — a pharmacist fixes the file and imports it again
 * rather than hunting for the half that went in.
 */
@Service
@Transactional
class CatalogueImports {

    /** As many items as one catalogue mapping call takes. */
    static final int MAX_ROWS = 5000;

    private final CatalogueMaintenance catalogue;
    private final CurrentUsers users;

    CatalogueImports(CatalogueMaintenance catalogue, CurrentUsers users) {
        this.catalogue = catalogue;
        this.users = users;
    }

    CatalogueImport importCatalogue(UUID institutionId, List<List<String>> table) {
        CurrentUser user = users.require();
        catalogue.requireMaintainer(institutionId, user);
        var rejected = new ArrayList<Rejected>();
        Map<String, Integer> columns = table.isEmpty() ? Map.of() : Csv.positions(table.get(0), CatalogueImport.COLUMNS);
        Csv.fileProblems(table, List.of("local_code", "local_name"), MAX_ROWS)
                .forEach(p -> rejected.add(new Rejected(0, p.column(), p.code(), p.arguments())));
        int rows = Math.max(0, table.size() - 1);
        if (!rejected.isEmpty()) {
            return new CatalogueImport(rows, 0, 0, rejected, null);
        }
        var items = new ArrayList<CatalogueItem>();
        var firstRowOf = new HashMap<String, Integer>();
        for (int r = 1; r < table.size(); r++) {
            CatalogueItem item = item(r, table.get(r), columns, rejected);
            if (item == null) {
                continue;
            }
            Integer first = firstRowOf.putIfAbsent(item.localCode(), r);
            if (first != null) {
                rejected.add(new Rejected(r, "local_code", "import.duplicate", List.of(item.localCode(), first)));
            } else {
                items.add(item);
            }
        }
        int mapped = (int) items.stream().filter(i -> i.formularyCode() != null).count();
        if (!rejected.isEmpty()) {
            return new CatalogueImport(rows, mapped, items.size() - mapped, rejected, null);
        }
        return new CatalogueImport(rows, mapped, items.size() - mapped, List.of(),
                catalogue.mapCatalogue(institutionId, items, user));
    }

    /** One row as an item, or null with its problems added. */
    private @Nullable CatalogueItem item(int r, List<String> row, Map<String, Integer> columns, List<Rejected> rejected) {
        int before = rejected.size();
        String localCode = text(r, row, columns, "local_code", true, 50, rejected);
        String localName = text(r, row, columns, "local_name", true, 200, rejected);
        String formularyCode = text(r, row, columns, "formulary_code", false, 50, rejected);
        if (formularyCode != null && !catalogue.inFormulary(formularyCode)) {
            rejected.add(new Rejected(r, "formulary_code", PharmacyError.UNKNOWN_DRUG.code(), List.of(formularyCode)));
        }
        if (rejected.size() > before || localCode == null || localName == null) {
            return null;
        }
        return new CatalogueItem(localCode, localName, formularyCode);
    }

    private static @Nullable String text(int r, List<String> row, Map<String, Integer> columns, String column, boolean required,
                                         int max, List<Rejected> rejected) {
        Integer at = columns.get(column);
        String raw = at == null || at >= row.size() ? null : row.get(at);
        try {
            return required ? TextRules.required(raw, column, TextRules.Kind.NAME, max)
                    : TextRules.optional(raw, column, TextRules.Kind.NAME, max);
        } catch (InvalidInputException e) {
            rejected.add(new Rejected(r, column, e.code(), e.arguments()));
            return null;
        }
    }
}
