package org.medunion.residents.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.identity.Role;
import org.medunion.identity.ScopeType;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.residents.CareRelationship;
import org.medunion.residents.LinkRecord;
import org.medunion.residents.MatchBasis;
import org.medunion.residents.PossibleDuplicate;
import org.medunion.residents.RegisterResident;
import org.medunion.residents.Registration;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentRegistered;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.internal.ResidentInputs.ValidResident;
import org.medunion.residents.internal.ResidentStore.LinkRow;
import org.medunion.residents.internal.ResidentStore.ResidentRow;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.medunion.shared.Slice;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resident index (EMPI): registration with matching, record links, scoped and audited reads. An ID number
 * already in the index is never registered twice — the record is linked to the resident who has it when the name
 * matches too, and kept for review (nothing linked) when it does not; a different
 * ID number with the same name, birth date and sex is registered but flagged as a possible duplicate for review.
 */
@Service
// never readOnly: reads write audit rows in the same transaction (PostgreSQL rejects them in a read-only one)
@Transactional
class ResidentIndex {

    static final String RESIDENT = "resident";

    private final ResidentStore store;
    private final RegistrationReviews reviews;
    private final ResidentAccess access;
    private final CurrentUsers users;
    private final RegistryManagement registry;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResidentIndex(ResidentStore store, RegistrationReviews reviews, ResidentAccess access, CurrentUsers users,
                  RegistryManagement registry, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.access = access;
        this.users = users;
        this.registry = registry;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    Registration register(RegisterResident command) {
        CurrentUser u = access.requireRole(ResidentAccess.WRITERS);
        ValidResident v = ResidentInputs.validate(command);
        InstitutionId source = source(u, v.sourceInstitutionId(), "sourceInstitutionId", new RegistrySnapshot(registry));
        Instant now = clock.instant();
        Optional<ResidentRow> existing = store.findByIdNumber(v.idNumber().value());
        if (existing.isPresent()) {
            return registerKnown(u, existing.get(), v, source, now);
        }
        var row = new ResidentRow(UUID.randomUUID(), v.idNumber().value(), v.name(), v.sex(), v.birthDate(), v.phone(),
                v.districtCode(), source == null ? null : source.value(), now);
        try {
            store.insert(row);
        } catch (DuplicateKeyException e) {
            // a concurrent registration of the same number won; the client repeats and is linked
            throw new ConflictException("common.duplicate", "idNumber");
        }
        if (source != null) {
            store.insertLink(new LinkRow(row.id(), source.value(), v.localRecordNumber(), MatchBasis.ID_NUMBER, now));
        }
        var duplicates = new ArrayList<ResidentId>();
        for (ResidentRow other : store.demographicMatches(row.name(), row.birthDate(), row.sex(), row.id())) {
            boolean samePhone = row.phone() != null && row.phone().equals(other.phone());
            store.insertPossibleDuplicate(row.id(), other.id(), samePhone ? "name+birthDate+sex+phone" : "name+birthDate+sex", now);
            duplicates.add(new ResidentId(other.id()));
        }
        audit.record(AuditAction.CREATE, RESIDENT, row.id().toString(), row.id().toString(),
                duplicates.isEmpty() ? null : "possible duplicates: " + duplicates);
        events.publishEvent(new ResidentRegistered(new ResidentId(row.id()), source, row.districtCode(), now));
        return new Registration(view(store.find(row.id()).orElseThrow(), u), Registration.Outcome.CREATED, duplicates);
    }

    /**
     * An ID number already in the index. Knowing a number is not a care relationship: the record is linked only
     * when the name matches too (then the institution has a record of its own — a relationship); a mismatch links
     * nothing, is kept for review and answered 409. The answer shows the resident only to a caller who may read
     * them now, so it reveals nothing the caller did not send or may not read.
     */
    private Registration registerKnown(CurrentUser u, ResidentRow r, ValidResident v, @Nullable InstitutionId source,
                                       Instant now) {
        if (!r.name().equals(v.name())) {
            reviews.flag(r.id(), source, v.localRecordNumber(), v.name(), u.username(), now);
            throw new ConflictException(ResidentsError.NAME_MISMATCH_FLAGGED, "name");
        }
        if (source != null && !store.hasLink(r.id(), source.value(), v.localRecordNumber())) {
            store.insertLink(new LinkRow(r.id(), source.value(), v.localRecordNumber(), MatchBasis.ID_NUMBER, now));
            store.touch(List.of(r.id()), now);
        }
        Optional<CareRelationship> relationship = access.relationship(u, r.id());
        audit.record(AuditAction.UPDATE, RESIDENT, r.id().toString(), r.id().toString(),
                "record linked by ID number and name" + (source == null ? "" : " from " + source)
                        + relationship.map(k -> "; purpose " + k).orElse("; resident not shown"));
        if (relationship.isEmpty()) {
            return new Registration(null, Registration.Outcome.LINKED_EXISTING, List.of());
        }
        return new Registration(view(r, u), Registration.Outcome.LINKED_EXISTING,
                store.duplicatesOf(r.id()).stream().filter(d -> access.canRead(u, d)).map(ResidentId::new).toList());
    }

    /**
     * The record's institution: institution-scoped callers register for their own institution only, jurisdiction-
     * scoped ones (integrators) for institutions inside their jurisdiction only.
     */
    static @Nullable InstitutionId source(@Nullable CurrentUser u, @Nullable InstitutionId given, String field, RegistrySnapshot registry) {
        InstitutionId own = u == null ? null : ResidentAccess.institutionOf(u);
        if (own != null && given != null && !own.equals(given)) {
            throw new ForbiddenException(ResidentsError.NOT_OWN_INSTITUTION);
        }
        InstitutionId source = given != null ? given : own;
        if (source != null && registry.institution(source) == null) {
            throw new InvalidInputException(field, ResidentsError.UNKNOWN_INSTITUTION, source);
        }
        if (source != null && u != null && u.scope().type() == ScopeType.JURISDICTION
                && !u.scope().coversDivision(Objects.requireNonNull(registry.institution(source)).districtCode())) {
            throw new ForbiddenException(ResidentsError.OUTSIDE_JURISDICTION, source);
        }
        return source;
    }

    @Transactional
    Optional<ResidentView> resident(ResidentId id) {
        CurrentUser u = access.identityReader();
        Optional<ResidentRow> row = store.find(id.value());
        Optional<CareRelationship> relationship = row.isEmpty() ? Optional.empty() : access.relationship(u, id.value());
        if (relationship.isEmpty()) {
            return Optional.empty();
        }
        audit.record(AuditAction.READ, RESIDENT, id.toString(), id.toString(), purpose(relationship.get()));
        return Optional.of(view(row.get(), u));
    }

    /** The relationship that allowed a read, recorded as its purpose of use in the audit row's detail. */
    static String purpose(CareRelationship relationship) {
        return "purpose " + relationship;
    }

    /** Why the current caller may read the resident (see {@link ResidentAccess#relationship(CurrentUser, UUID)}). */
    @Transactional
    Optional<CareRelationship> callerRelationship(ResidentId id) {
        return access.relationship(access.user(), id.value());
    }

    Optional<CareRelationship> relationship(InstitutionId institution, ResidentId id) {
        return access.relationship(institution.value(), id.value());
    }

    /** Whether the index holds the ID, for other modules' existence checks (no scope: the answer carries no data). */
    boolean exists(UUID id) {
        return store.find(id).isPresent();
    }

    /** Reads a resident the caller may see or fails with 404 — for commands on a resident. */
    ResidentRow readable(@Nullable CurrentUser u, UUID id, boolean lock) {
        Optional<ResidentRow> row = lock ? store.lock(id) : store.find(id);
        if (row.isEmpty() || u != null && !access.canRead(u, id)) {
            throw new NotFoundException("Patient", id);
        }
        return row.get();
    }

    @Transactional
    Optional<ResidentView> findByIdNumber(String idNumber) {
        CurrentUser u = access.identityReader();
        String value = ResidentInputs.idNumber(idNumber, "idNumber").value();
        Optional<ResidentRow> row = store.findByIdNumber(value);
        if (row.isEmpty() || !access.canRead(u, row.get().id())) {
            return Optional.empty();
        }
        audit.record(AuditAction.SEARCH, RESIDENT, row.get().id().toString(), row.get().id().toString(), "by ID number");
        return Optional.of(view(row.get(), u));
    }

    @Transactional
    List<ResidentView> search(ResidentSearch search) {
        return search(search, 0).items();
    }

    /** A page of the search from {@code offset} and the count of all matches (FHIR paging, docs/fhir.md). */
    @Transactional
    Slice<ResidentView> search(ResidentSearch search, int offset) {
        CurrentUser u = access.identityReader();
        String idNumber = search.idNumber() == null || search.idNumber().isBlank() ? null
                : ResidentInputs.idNumber(search.idNumber(), "idNumber").value();
        String name = search.name() == null || search.name().isBlank() ? null : ResidentInputs.name(search.name(), "name");
        ResidentStore.Criteria criteria = new ResidentStore.Criteria(idNumber, name, search.updatedFrom(), search.updatedTo());
        if (idNumber == null && name == null && search.updatedFrom() == null && search.updatedTo() == null) {
            throw new InvalidInputException("name", ResidentsError.SEARCH_CRITERIA_REQUIRED);
        }
        int limit = search.limit() == null ? 50 : search.limit();
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", ResidentsError.OUT_OF_RANGE, 1, 200);
        }
        if (offset < 0) {
            throw new InvalidInputException("offset", ResidentsError.OUT_OF_RANGE, 0, Integer.MAX_VALUE);
        }
        ResidentAccess.Filter f = access.filter(u);
        List<ResidentRow> rows = store.search(criteria, f.sql(), f.params(), limit, offset);
        long total = rows.size() < limit && (offset == 0 || !rows.isEmpty()) ? offset + rows.size()
                : store.count(criteria, f.sql(), f.params());
        if (total == 0 && idNumber != null) {
            // residents visible only through an access extension (e.g. referred) are found by exact ID number
            List<ResidentRow> extended = store.findByIdNumber(idNumber).filter(r -> access.canRead(u, r.id())).stream().toList();
            total = extended.size();
            rows = offset == 0 ? extended : List.of();
        }
        for (ResidentRow r : rows) {
            audit.record(AuditAction.SEARCH, RESIDENT, r.id().toString(), r.id().toString(), null);
        }
        return new Slice<>(views(rows, u), total);
    }

    /** Residents that were already known and got a record linked by an import: a new version each. */
    private void touchLinked(Collection<ResidentRow> created, List<LinkRow> links, Instant now) {
        var newIds = created.stream().map(ResidentRow::id).collect(Collectors.toSet());
        store.touch(links.stream().map(LinkRow::residentId).filter(r -> !newIds.contains(r)).distinct().toList(), now);
    }

    ResidentView link(ResidentId id, LinkRecord command) {
        CurrentUser u = access.requireRole(ResidentAccess.WRITERS);
        if (command == null) {
            throw new InvalidInputException("sourceInstitutionId", "field.required");
        }
        ResidentRow row = readable(u, id.value(), false);
        InstitutionId source = source(u, command.sourceInstitutionId(), "sourceInstitutionId", new RegistrySnapshot(registry));
        if (source == null) {
            throw new InvalidInputException("sourceInstitutionId", "field.required");
        }
        String record = ResidentInputs.recordNumber(command.localRecordNumber(), "localRecordNumber");
        if (!store.hasLink(row.id(), source.value(), record)) {
            Instant now = clock.instant();
            store.insertLink(new LinkRow(row.id(), source.value(), record, MatchBasis.MANUAL, now));
            store.touch(List.of(row.id()), now);
            row = store.find(row.id()).orElseThrow();
        }
        audit.record(AuditAction.UPDATE, RESIDENT, id.toString(), id.toString(), "record linked from " + source);
        return view(row, u);
    }

    @Transactional
    List<ResidentId> possibleDuplicatesOf(ResidentId id) {
        CurrentUser u = access.identityReader();
        return store.duplicatesOf(id.value()).stream().filter(d -> access.canRead(u, d)).map(ResidentId::new).toList();
    }

    @Transactional
    List<PossibleDuplicate> possibleDuplicates() {
        CurrentUser u = access.identityReader();
        var out = new ArrayList<PossibleDuplicate>();
        for (ResidentStore.DuplicateRow d : store.openDuplicates(500)) {
            if (out.size() >= 100) {
                break;
            }
            if (access.canRead(u, d.a()) && access.canRead(u, d.b())) {
                List<ResidentView> pair = views(List.of(store.find(d.a()).orElseThrow(), store.find(d.b()).orElseThrow()), u);
                audit.record(AuditAction.READ, RESIDENT, d.a().toString(), d.a().toString(), "possible duplicate review");
                audit.record(AuditAction.READ, RESIDENT, d.b().toString(), d.b().toString(), "possible duplicate review");
                out.add(new PossibleDuplicate(pair.get(0), pair.get(1), d.reason()));
            }
        }
        return out;
    }

    /**
     * Bulk registration for imports and the demo city: validated like {@link #register}, ID numbers already
     * known (or repeated in the list) linked instead of duplicated, batch inserts, one audit row per batch.
     * New residents with the name, birth date and sex of another (under another number) are flagged for review,
     * as a single registration would be, with one set query per 1,000 new rows.
     */
    List<ResidentId> importResidents(List<RegisterResident> commands) {
        CurrentUser u = users.current().orElse(null);
        if (u != null && u.role() != Role.ADMIN) {
            throw new ForbiddenException("auth.forbidden");
        }
        RegistrySnapshot registry = new RegistrySnapshot(this.registry);
        var valid = new ArrayList<ValidResident>(commands.size());
        var sources = new ArrayList<InstitutionId>(commands.size());
        for (int i = 0; i < commands.size(); i++) {
            try {
                ValidResident v = ResidentInputs.validate(commands.get(i));
                valid.add(v);
                sources.add(source(u, v.sourceInstitutionId(), "sourceInstitutionId", registry));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("[" + i + "]." + e.field(), e.code(), e.arguments().toArray());
            }
        }
        Map<String, UUID> known = new HashMap<>();
        var numbers = valid.stream().map(v -> v.idNumber().value()).distinct().toList();
        for (int from = 0; from < numbers.size(); from += 1000) {
            store.findByIdNumbers(numbers.subList(from, Math.min(numbers.size(), from + 1000)))
                    .forEach(r -> known.put(r.idNumber(), r.id()));
        }
        Instant now = clock.instant();
        var newRows = new LinkedHashMap<String, ResidentRow>();
        var links = new ArrayList<LinkRow>();
        var ids = new ArrayList<ResidentId>(valid.size());
        var linked = new HashSet<String>();
        for (int i = 0; i < valid.size(); i++) {
            ValidResident v = valid.get(i);
            InstitutionId source = sources.get(i);
            UUID id = known.get(v.idNumber().value());
            boolean existing = id != null;
            if (id == null) {
                ResidentRow row = new ResidentRow(UUID.randomUUID(), v.idNumber().value(), v.name(), v.sex(), v.birthDate(),
                        v.phone(), v.districtCode(), source == null ? null : source.value(), now);
                newRows.put(v.idNumber().value(), row);
                known.put(v.idNumber().value(), row.id());
                id = row.id();
            }
            if (source != null && linked.add(id + "|" + source + "|" + v.localRecordNumber())
                    && (!existing || newRows.containsKey(v.idNumber().value())
                            || !store.hasLink(id, source.value(), v.localRecordNumber()))) {
                links.add(new LinkRow(id, source.value(), v.localRecordNumber(), MatchBasis.ID_NUMBER, now));
            }
            ids.add(new ResidentId(id));
        }
        store.insertAll(new ArrayList<>(newRows.values()));
        store.insertLinks(links);
        touchLinked(newRows.values(), links, now);
        int flagged = flagDemographicMatches(newRows.values().stream().map(ResidentRow::id).toList(), now);
        audit.record(AuditAction.CREATE, "resident-batch", null, null,
                "imported " + newRows.size() + " new residents, " + links.size() + " record links, "
                        + flagged + " possible duplicates");
        for (ResidentRow r : newRows.values()) {
            events.publishEvent(new ResidentRegistered(new ResidentId(r.id()), r.sourceInstitution() == null ? null
                    : new InstitutionId(r.sourceInstitution()), r.districtCode(), now));
        }
        return ids;
    }

    private int flagDemographicMatches(List<UUID> newIds, Instant now) {
        int flagged = 0;
        for (int from = 0; from < newIds.size(); from += 1000) {
            for (var m : store.demographicMatches(newIds.subList(from, Math.min(newIds.size(), from + 1000)))) {
                store.insertPossibleDuplicate(m.resident(), m.other(),
                        m.samePhone() ? "name+birthDate+sex+phone" : "name+birthDate+sex", now);
                flagged++;
            }
        }
        return flagged;
    }

    long count() {
        return store.count();
    }

    long countOpenDuplicates() {
        return store.countOpenDuplicates();
    }

    private ResidentView view(ResidentRow r, CurrentUser u) {
        return ResidentAccess.view(r, store.links(List.of(r.id())).get(r.id()), u);
    }

    private List<ResidentView> views(List<ResidentRow> rows, CurrentUser u) {
        var links = store.links(rows.stream().map(ResidentRow::id).toList());
        return rows.stream().map(r -> ResidentAccess.view(r, links.get(r.id()), u)).toList();
    }
}
