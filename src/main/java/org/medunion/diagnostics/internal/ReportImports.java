package org.medunion.diagnostics.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.ImportReport;
import org.medunion.diagnostics.ImportedReport;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.RecordReport;
import org.medunion.diagnostics.ReportStudy;
import org.medunion.identity.CurrentUser;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;
import org.springframework.stereotype.Component;

/**
 * Reports sent in by a performing member's HIS/LIS/PACS (result import, decision 0231). Only the performing
 * institution sends its own results, only for residents it has a care relationship with; the item is a catalogue code
 * or the performer's own code mapped to one; the identifier the member gives makes a resubmission return the report
 * already recorded. Sending a report gives the sender no access it did not have.
 */
@Component
class ReportImports {

    private final Results results;
    private final ResultStore store;
    private final ReferenceData reference;
    private final DiagnosticsAccess access;
    private final AuditTrail audit;

    ReportImports(Results results, ResultStore store, ReferenceData reference, DiagnosticsAccess access, AuditTrail audit) {
        this.results = results;
        this.store = store;
        this.reference = reference;
        this.access = access;
        this.audit = audit;
    }

    /** All or nothing (the caller's transaction): an error names {@code reports[i].<field>}. */
    List<ImportedReport> importAll(List<ImportReport> reports) {
        CurrentUser user = access.caller();
        if (reports.isEmpty()) {
            throw new InvalidInputException("reports", Inputs.REQUIRED);
        }
        var out = new ArrayList<ImportedReport>();
        Map<ResultStore.Source, Integer> seen = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            String prefix = "reports[" + i + "].";
            try {
                ImportReport c = reports.get(i);
                RecordReport r = Required.of(c.report(), "report");
                UUID performer = performer(user, r.performerInstitutionId());
                var source = source(c.identifierSystem(), c.identifierValue());
                Integer first = seen.putIfAbsent(source, i);
                if (first != null) {
                    throw new InvalidInputException("identifier", DiagnosticsError.DUPLICATE_IDENTIFIER, source.value(), first);
                }
                out.add(importOne(r, performer, source, user, c.study()));
            } catch (InvalidInputException e) {
                throw prefixed(e, prefix);
            } catch (ForbiddenException e) {
                // names the report refused: reports[i].performerInstitutionId
                Object what = e.arguments().isEmpty() ? "report" : e.arguments().get(0);
                var refused = new ForbiddenException(e.code(), prefix + what);
                refused.initCause(e);
                throw refused;
            }
        }
        return out;
    }

    /** The performer of an import: the caller's institution (or the one an administrator names), a consortium member. */
    UUID performer(CurrentUser user, @Nullable UUID named) {
        UUID performer = results.performer(user, named);
        if (!access.member(performer)) {
            throw new ForbiddenException(DiagnosticsError.NOT_A_MEMBER, "performerInstitutionId");
        }
        return performer;
    }

    /** The report recorded before under the identifier, else the new one. */
    ImportedReport importOne(RecordReport r, UUID performer, ResultStore.Source source, CurrentUser user) {
        return importOne(r, performer, source, user, null);
    }

    /** As {@link #importOne(RecordReport, UUID, ResultStore.Source, CurrentUser)}, with the study a PACS sent. */
    ImportedReport importOne(RecordReport r, UUID performer, ResultStore.Source source, CurrentUser user,
                             @Nullable ReportStudy study) {
        var existing = store.bySource(performer, source);
        if (existing.isPresent()) {
            var row = existing.get();
            audit.record(AuditAction.READ, Results.OBJECT, row.id().value().toString(), row.residentId().toString(),
                    "import resubmitted " + source.system());
            return new ImportedReport(results.view(row, reference.find(row.itemCode()).orElseThrow()), false);
        }
        UUID resident = Required.of(r.residentId(), "residentId");
        access.requireKnownTo(performer, resident, "residentId", resident);
        ItemView item = item(performer, r.itemCode(), "itemCode");
        return new ImportedReport(results.save(r, resident, item, performer, null, user, source, study), true);
    }

    /** The performer's own code mapped to the catalogue, else a catalogue code; neither is a 400 naming the code. */
    ItemView item(UUID performer, @Nullable String code, String field) {
        String c = ReferenceData.code(code, field);
        String mapped = reference.catalogueCode(performer, c).orElse(c);
        return reference.find(mapped).orElseThrow(() -> new InvalidInputException(field, DiagnosticsError.UNMAPPED_CODE, c));
    }

    static ResultStore.Source source(@Nullable String system, @Nullable String value) {
        return new ResultStore.Source(ReferenceData.text(Required.of(system, "identifier.system"), "identifier.system", 200),
                ReferenceData.text(Required.of(value, "identifier.value"), "identifier.value", 100));
    }

    private static MedUnionException prefixed(InvalidInputException e, String prefix) {
        var out = new InvalidInputException(e.field() == null ? prefix + "report" : prefix + e.field(), e.code(),
                e.arguments().toArray());
        out.initCause(e);
        return out;
    }
}
