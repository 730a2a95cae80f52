package org.medunion.diagnostics.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.diagnostics.CentreId;
import org.medunion.diagnostics.CentreType;
import org.medunion.diagnostics.CentreView;
import org.medunion.diagnostics.DefineItem;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.ItemList;
import org.medunion.diagnostics.ItemView;
import org.medunion.diagnostics.MapCode;
import org.medunion.diagnostics.PublishList;
import org.medunion.diagnostics.QcLevel;
import org.medunion.diagnostics.QcView;
import org.medunion.diagnostics.RecordQc;
import org.medunion.diagnostics.RegisterCentre;
import org.medunion.diagnostics.SpecimenType;
import org.medunion.identity.CurrentUser;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryDirectory;
import org.medunion.shared.Inputs;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** The catalogue, lists, member code mapping, centres and QC records: reference data, no resident in it. */
@Component
class ReferenceData {

    static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern DIVISION = Pattern.compile("\\d{6}");

    private final CatalogueStore catalogue;
    private final CentreStore centres;
    private final DiagnosticsAccess access;
    private final RegistryDirectory registry;
    private final AuditTrail audit;
    private final Clock clock;
    private final EvidenceAnnouncer announcer;

    ReferenceData(CatalogueStore catalogue, CentreStore centres, DiagnosticsAccess access, RegistryDirectory registry,
                  AuditTrail audit, Clock clock, EvidenceAnnouncer announcer) {
        this.announcer = announcer;
        this.catalogue = catalogue;
        this.centres = centres;
        this.access = access;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    ItemView defineItem(DefineItem c) {
        CurrentUser user = access.caller();
        if (!user.isAdmin()) {
            throw DiagnosticsAccess.forbidden("defineItem");
        }
        String code = code(c.code(), "code");
        String name = text(Required.of(c.name(), "name"), "name", 200);
        ItemKind kind = Inputs.enumValue(Required.of(c.kind(), "kind"), ItemKind.class, "kind");
        BigDecimal price = Required.of(c.listPrice(), "listPrice");
        if (price.signum() < 0) {
            throw new InvalidInputException("listPrice", DiagnosticsError.PRICE_INVALID, price);
        }
        var item = new ItemView(code, name, kind, optional(c.unit(), "unit", 40), optional(c.referenceRange(), "referenceRange", 80),
                price, specimen(c.specimenType(), kind));
        catalogue.saveItem(item, clock.instant());
        audit.record(AuditAction.UPDATE, "DiagnosticItem", code);
        return item;
    }

    /** The item's specimen: the one named (lab and pathology only, else 400 naming specimenType), or the kind's default. */
    private static @Nullable SpecimenType specimen(@Nullable String given, ItemKind kind) {
        if (given == null || given.isBlank()) {
            return SpecimenType.defaultFor(kind).orElse(null);
        }
        if (!SpecimenType.taken(kind)) {
            throw new InvalidInputException("specimenType", DiagnosticsError.NO_SPECIMEN, kind.name());
        }
        return Inputs.enumValue(given, SpecimenType.class, "specimenType");
    }

    ItemView item(@Nullable String code, String field) {
        String c = Required.of(code, field);
        return catalogue.item(c).orElseThrow(() -> new InvalidInputException(field, DiagnosticsError.UNKNOWN_ITEM, c));
    }

    List<ItemView> items() {
        return catalogue.items();
    }

    Optional<ItemView> find(String code) {
        return catalogue.item(code);
    }

    ItemList publishList(PublishList c) {
        CurrentUser user = access.caller();
        String jurisdiction = Required.of(c.jurisdiction(), "jurisdiction");
        if (!DIVISION.matcher(jurisdiction).matches()) {
            throw new InvalidInputException("jurisdiction", DiagnosticsError.JURISDICTION_INVALID, jurisdiction);
        }
        if (!access.governs(user, jurisdiction)) {
            throw DiagnosticsAccess.forbidden("publishList " + jurisdiction);
        }
        List<ItemList.Entry> entries = Required.of(c.entries(), "entries");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            ItemList.Entry e = entries.get(i);
            String field = "entries[" + i + "]";
            item(e.itemCode(), field + ".itemCode");
            if (!seen.add(e.itemCode())) {
                throw new InvalidInputException(field + ".itemCode", DiagnosticsError.DUPLICATE_ITEM_IN_LIST, e.itemCode());
            }
            if (e.windowDays() != null && e.windowDays() < 0) {
                throw new InvalidInputException(field + ".windowDays", DiagnosticsError.WINDOW_INVALID, e.windowDays());
            }
        }
        LocalDate from = c.validFrom() == null ? LocalDate.now(clock) : c.validFrom();
        var list = new ItemList(UUID.randomUUID(), jurisdiction, catalogue.nextVersion(jurisdiction), from, List.copyOf(entries),
                user.username(), clock.instant());
        catalogue.saveList(list);
        audit.record(AuditAction.CREATE, "DiagnosticItemList", list.id().toString(), null, jurisdiction + " v" + list.version());
        return list;
    }

    List<ItemList> lists(String jurisdiction) {
        return catalogue.lists(jurisdiction);
    }

    /** A district, its city, its province and the nation: the jurisdictions whose list may apply, most specific first. */
    static List<String> jurisdictionsOf(@Nullable String district) {
        Set<String> out = new LinkedHashSet<>();
        if (district != null && DIVISION.matcher(district).matches()) {
            out.add(district);
            out.add(district.substring(0, 4) + "00");
            out.add(district.substring(0, 2) + "0000");
        }
        out.add("000000");
        return List.copyOf(out);
    }

    void mapCode(MapCode c) {
        CurrentUser user = access.caller();
        var institution = access.institution(c.institutionId(), "institutionId");
        UUID own = DiagnosticsAccess.institutionOf(user);
        if (!institution.id().value().equals(own) && !access.governs(user, institution.districtCode())) {
            throw DiagnosticsAccess.forbidden("mapCode");
        }
        String memberCode = text(Required.of(c.memberCode(), "memberCode"), "memberCode", 60);
        String item = item(c.itemCode(), "itemCode").code();
        Optional<String> existing = catalogue.mapped(institution.id().value(), memberCode);
        if (existing.isPresent() && !existing.get().equals(item)) {
            throw new InvalidInputException("memberCode", DiagnosticsError.DUPLICATE_CODE_MAPPING, memberCode);
        }
        if (existing.isEmpty()) {
            catalogue.map(institution.id().value(), memberCode, item);
            audit.record(AuditAction.CREATE, "DiagnosticCodeMap", institution.id().value() + ":" + memberCode);
        }
    }

    Optional<String> catalogueCode(UUID institution, String memberCode) {
        return catalogue.mapped(institution, memberCode);
    }

    CentreView registerCentre(RegisterCentre c) {
        CurrentUser user = access.caller();
        UUID consortiumId = Required.of(c.consortiumId(), "consortiumId");
        ConsortiumView consortium = registry.consortiumEntry(new ConsortiumId(consortiumId))
                .orElseThrow(() -> new NotFoundException("consortium", consortiumId));
        if (!user.isAdmin() && !access.officeOf(user, consortiumId)) {
            throw DiagnosticsAccess.forbidden("registerCentre");
        }
        LocalDate today = LocalDate.now(clock);
        Set<UUID> active = new HashSet<>();
        consortium.activeMembers(today).forEach(m -> active.add(m.institutionId().value()));
        UUID runner = access.institution(c.institutionId(), "institutionId").id().value();
        if (!active.contains(runner)) {
            throw new InvalidInputException("institutionId", DiagnosticsError.NOT_CONSORTIUM_MEMBER, runner);
        }
        List<UUID> members = new ArrayList<>();
        for (UUID m : c.members() == null ? List.<UUID>of() : c.members()) {
            if (!active.contains(m)) {
                throw new InvalidInputException("members", DiagnosticsError.NOT_CONSORTIUM_MEMBER, m);
            }
            if (!members.contains(m)) {
                members.add(m);
            }
        }
        Map<ItemKind, Integer> tat = new EnumMap<>(ItemKind.class);
        if (c.turnaroundHours() != null) {
            c.turnaroundHours().forEach((k, h) -> {
                if (h == null || h < 1) {
                    throw new InvalidInputException("turnaroundHours." + k, DiagnosticsError.WINDOW_INVALID, h);
                }
                tat.put(k, h);
            });
        }
        var centre = new CentreView(new CentreId(UUID.randomUUID()), consortiumId, runner, "",
                Inputs.enumValue(Required.of(c.type(), "type"), CentreType.class, "type"),
                text(Required.of(c.name(), "name"), "name", 200), List.copyOf(members), tat);
        centres.saveCentre(centre, user.username(), clock.instant());
        announcer.centreRegistered();
        audit.record(AuditAction.CREATE, "DiagnosticCentre", centre.id().value().toString());
        return centre(centre.id().value());
    }

    List<CentreView> centres(@Nullable UUID consortium) {
        return centres.centres(consortium).stream().map(this::view).toList();
    }

    CentreView centre(UUID id) {
        return centres.centre(id).map(this::view).orElseThrow(() -> new NotFoundException("centre", id));
    }

    private CentreView view(CentreStore.Row r) {
        String name = registry.institutionNames(List.of(new InstitutionId(r.institutionId()))).getOrDefault(
                new InstitutionId(r.institutionId()), "");
        return new CentreView(r.id(), r.consortiumId(), r.institutionId(), name, r.type(), r.name(), r.members(), r.turnaroundHours());
    }

    QcView recordQc(RecordQc c) {
        CurrentUser user = access.caller();
        var institution = access.institution(c.institutionId(), "institutionId");
        if (!access.governs(user, institution.districtCode()) && !access.officeOver(user, institution.id().value())) {
            throw DiagnosticsAccess.forbidden("recordQc");
        }
        String item = item(c.itemCode(), "itemCode").code();
        LocalDate from = Required.of(c.validFrom(), "validFrom");
        LocalDate until = Required.of(c.validUntil(), "validUntil");
        if (until.isBefore(from)) {
            throw new InvalidInputException("validUntil", DiagnosticsError.QC_DATES_INVALID, until);
        }
        var qc = new QcView(UUID.randomUUID(), institution.id().value(), item, Required.of(c.passed(), "passed"),
                Inputs.enumValue(Required.of(c.level(), "level"), QcLevel.class, "level"),
                text(Required.of(c.scopeLabel(), "scopeLabel"), "scopeLabel", 40), from, until);
        centres.saveQc(qc, user.username(), clock.instant());
        audit.record(AuditAction.CREATE, "DiagnosticQc", qc.id().toString());
        return qc;
    }

    List<QcView> qualityControl(UUID institution) {
        return centres.qc(institution);
    }

    QcView qcRecord(UUID id) {
        return centres.qcRecord(id).orElseThrow(() -> new NotFoundException("qc", id));
    }

    static String code(@Nullable String code, String field) {
        String c = Required.of(code, field).strip();
        if (!CODE.matcher(c).matches()) {
            throw new InvalidInputException(field, DiagnosticsError.ITEM_CODE_INVALID, c);
        }
        return c;
    }

    static String text(String value, String field, int max) {
        String v = value.strip();
        if (v.isEmpty()) {
            throw new InvalidInputException(field, Inputs.REQUIRED);
        }
        if (v.length() > max) {
            throw new InvalidInputException(field, DiagnosticsError.TEXT_TOO_LONG, max);
        }
        return v;
    }

    @Nullable
    static String optional(@Nullable String value, String field, int max) {
        return value == null || value.isBlank() ? null : text(value, field, max);
    }
}
