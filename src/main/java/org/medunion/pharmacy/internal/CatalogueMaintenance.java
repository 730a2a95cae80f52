package org.medunion.pharmacy.internal;

import static org.medunion.pharmacy.internal.PharmacyInput.requiredText;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.pharmacy.CatalogueCoverage;
import org.medunion.pharmacy.CatalogueItem;
import org.medunion.pharmacy.FormularyDrugView;
import org.medunion.policy.PolicyThresholds;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.RegistryDirectory;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.TextRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The formulary and the members' catalogue mapping (RX-14); no personal data. */
@Service
@Transactional
class CatalogueMaintenance {

    private final DrugKnowledge knowledge;
    private final PharmacyStore store;
    private final PolicyThresholds thresholds;
    private final CurrentUsers users;
    private final AuditTrail audit;
    private final RegistryDirectory registry;
    private final PrescriptionViews views;
    private final Clock clock;

    @SuppressWarnings("checkstyle:ParameterNumber") // the collaborators of one use case, injected
    CatalogueMaintenance(DrugKnowledge knowledge, PharmacyStore store, PolicyThresholds thresholds, CurrentUsers users, AuditTrail audit,
                         RegistryDirectory registry, PrescriptionViews views, Clock clock) {
        this.knowledge = knowledge;
        this.store = store;
        this.thresholds = thresholds;
        this.users = users;
        this.audit = audit;
        this.registry = registry;
        this.views = views;
        this.clock = clock;
    }

    // ---- formulary and catalogues -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<FormularyDrugView> formulary(@Nullable String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return knowledge.drugs().stream().filter(d -> q.isEmpty() || d.code().equalsIgnoreCase(q) || d.name().contains(q)
                || d.englishName().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    @Transactional(readOnly = true)
    public Optional<FormularyDrugView> drug(String code) {
        return Optional.ofNullable(knowledge.drug(code));
    }

    public CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items) {
        return mapCatalogue(institutionId, items, users.require());
    }

    /** Maps as {@code user} (also the system's backfill step, as the institution's own staff). */
    CatalogueCoverage mapCatalogue(UUID institutionId, List<CatalogueItem> items, CurrentUser user) {
        requireMaintainer(institutionId, user);
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("items", "field.required");
        }
        TextRules.listSize(items, "items", 5000);
        Instant now = clock.instant();
        for (var item : items) {
            if (item == null) {
                throw new InvalidInputException("items", "field.required");
            }
            requiredText(item.localCode(), "items.localCode", 50);
            requiredText(item.localName(), "items.localName", 200);
            if (item.formularyCode() != null && !item.formularyCode().isBlank() && knowledge.drug(item.formularyCode()) == null) {
                throw new InvalidInputException("items.formularyCode", PharmacyError.UNKNOWN_DRUG, item.formularyCode());
            }
        }
        for (var item : items) {
            String code = item.formularyCode() == null || item.formularyCode().isBlank() ? null : item.formularyCode();
            store.saveCatalogueItem(institutionId, new CatalogueItem(item.localCode().strip(), item.localName().strip(), code),
                    user.username(), now);
        }
        audit.record(AuditAction.UPDATE, "PharmacyCatalogue", institutionId.toString(), null, items.size() + " items");
        return coverageOf(List.of(institutionId)).get(0);
    }

    /** 403 unless the user maintains or oversees the institution's catalogue (its staff, its consortium office, admin). */
    void requireMaintainer(UUID institutionId, CurrentUser user) {
        if (!coveredInstitutions(user).map(s -> s.contains(institutionId)).orElse(true)) {
            throw new ForbiddenException(PharmacyError.NOT_CATALOGUE_OWNER, institutionId);
        }
    }

    /** Whether the formulary holds the code. */
    boolean inFormulary(String code) {
        return knowledge.drug(code) != null;
    }

    @Transactional(readOnly = true)
    public List<CatalogueCoverage> coverage() {
        CurrentUser user = users.require();
        return coverageOf(coveredInstitutions(user).map(s -> (List<UUID>) new ArrayList<>(s)).orElse(null));
    }

    /** The institutions whose catalogues the caller maintains or oversees; empty = all (admin). */
    private Optional<Set<UUID>> coveredInstitutions(CurrentUser user) {
        if (user.isAdmin()) {
            return Optional.empty();
        }
        var out = new HashSet<UUID>();
        if (user.scope().type() == ScopeType.INSTITUTION && user.scope().referenceId() != null) {
            out.add(user.scope().referenceId());
        } else if (user.role() == Role.OFFICE && user.scope().type() == ScopeType.CONSORTIUM && user.scope().referenceId() != null) {
            registry.consortiumEntry(new ConsortiumId(user.scope().referenceId()))
                    .ifPresent(c -> c.activeMembers(LocalDate.now(clock)).forEach(m -> out.add(m.institutionId().value())));
        }
        return Optional.of(out);
    }

    private List<CatalogueCoverage> coverageOf(@Nullable List<UUID> institutions) {
        var catalogues = store.catalogues(institutions);
        var ids = new ArrayList<UUID>(institutions == null ? catalogues.keySet() : institutions);
        var names = views.names(ids);
        double target = Double.parseDouble(thresholds.threshold("RX-14", "minCoverage", null).value().strip());
        var out = new ArrayList<CatalogueCoverage>();
        for (UUID id : ids) {
            var items = catalogues.getOrDefault(id, List.of());
            var unmapped = items.stream().filter(i -> i.formularyCode() == null).toList();
            int mapped = items.size() - unmapped.size();
            double coverage = items.isEmpty() ? 0 : (double) mapped / items.size();
            out.add(new CatalogueCoverage(id, names.getOrDefault(id, ""), items.size(), mapped, coverage, target,
                    items.isEmpty() || coverage < target, unmapped));
        }
        return out;
    }

}
