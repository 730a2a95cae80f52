package org.medunion.registry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.registry.AddMember;
import org.medunion.registry.ChangeType;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.ConsortiumView;
import org.medunion.registry.DissolveConsortium;
import org.medunion.registry.EndMembership;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GridId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.MembershipBasis;
import org.medunion.registry.MembershipChanged;
import org.medunion.registry.MembershipRole;
import org.medunion.registry.MembershipView;
import org.medunion.registry.RegistryChange;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Forming, adjusting and dissolving consortia. Each change is applied, then checked by the guards, then
 * reported (SH-10) — all in the facade's transaction, so a refused change leaves nothing behind.
 */
@Component
class ConsortiumCommands {

    static final int MAX_MEMBERS = 500;

    private final ConsortiumStore consortia;
    private final ReferenceDataStore referenceData;
    private final InstitutionCommands institutionCommands;
    private final ChangeReporter reporter;
    private final RegistryAccess access;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ConsortiumCommands(ConsortiumStore consortia, ReferenceDataStore referenceData, InstitutionCommands institutionCommands,
                       ChangeReporter reporter, RegistryAccess access, AuditTrail audit, ApplicationEventPublisher events,
                       Clock clock) {
        this.consortia = consortia;
        this.referenceData = referenceData;
        this.institutionCommands = institutionCommands;
        this.reporter = reporter;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** A consortium the caller may see, else 404 (we do not tell which). */
    ConsortiumView visible(ConsortiumId id) {
        Check.required(id, "id");
        List<Object> params = new ArrayList<>();
        params.add(id.value());
        String where = " and c.id = ?" + access.caller().consortiumFilter(params);
        return consortia.query(where, params).stream().findFirst().orElseThrow(() -> new NotFoundException("Consortium", id));
    }

    /**
     * A consortium the caller may change: 404 when it does not exist, 403 when it lies outside the caller's
     * writable scope (an office addressing another consortium), 409 when it is dissolved.
     */
    ConsortiumView writable(ConsortiumId id) {
        writableHeader(id);
        return consortia.find(id.value()).orElseThrow(() -> new NotFoundException("Consortium", id));
    }

    /** {@link #writable} without loading members, for changes that only need the access check. */
    ConsortiumStore.Header writableHeader(ConsortiumId id) {
        Check.required(id, "id");
        ConsortiumStore.Header c = consortia.header(id.value()).orElseThrow(() -> new NotFoundException("Consortium", id));
        access.caller().requireConsortiumWriter(c.id(), c.districtCode());
        if (!c.active()) {
            throw new ConflictException(RegistryError.CONSORTIUM_DISSOLVED, "id", c.name());
        }
        return c;
    }

    ConsortiumView form(FormConsortium c) {
        Check.required(c, "body");
        String name = Check.name(c.name(), "name", 200);
        Check.required(c.form(), "form");
        institutionCommands.requireDistrict(c.districtCode(), "districtCode");
        LocalDate established = Check.required(c.establishedOn(), "establishedOn");
        Set<GridId> grids = grids(c.gridIds());
        List<String> centres = centres(c.centres());
        List<NewMember> members = members(c.members(), established);
        String override = Check.optionalText(c.overrideReason(), "overrideReason", 1000);
        var caller = access.caller();
        caller.requirePlannerOf(c.districtCode());
        if (consortia.nameTaken(name)) {
            throw new ConflictException(RegistryError.DUPLICATE_CONSORTIUM_NAME, "name", name);
        }

        UUID id = UUID.randomUUID();
        var normalised = new FormConsortium(name, c.form(), Check.flag(c.tight()), c.governance(), c.districtCode(),
                List.copyOf(grids), established, Check.flag(c.crossProvince()), c.ownerApprovedOn(),
                Check.flag(c.managementOffice()), Check.flag(c.qualityControlGroup()), centres,
                members.stream().map(NewMember::command).toList(), override);
        var now = clock.instant();
        consortia.insert(id, normalised, now, caller.username());
        List<UUID> membershipIds = new ArrayList<>();
        for (NewMember m : members) {
            UUID membershipId = UUID.randomUUID();
            consortia.insertMembership(membershipId, id, m, now, caller.username());
            membershipIds.add(membershipId);
        }
        audit.record(AuditAction.CREATE, "Consortium", id.toString(), null, name);
        List<InstitutionId> relation = members.stream().map(NewMember::institutionId).toList();
        reporter.guard(new RegistryChange("CONSORTIUM_FORMED", new ConsortiumId(id), relation, override));
        ConsortiumView after = consortia.find(id).orElseThrow();
        reporter.report(ChangeType.CREATION, after, relation, reporter.withOverride(reporter.text("registry.report.summary.CREATION",
                name, reporter.text("registry.consortiumForm." + c.form().name()), members.size(), names(relation)), override),
                caller.username());
        for (int i = 0; i < members.size(); i++) {
            events.publishEvent(new MembershipChanged(after.id(), members.get(i).institutionId(), members.get(i).role(),
                    membershipIds.get(i), false));
        }
        return after;
    }

    private Set<GridId> grids(@Nullable List<GridId> gridIds) {
        Check.maxSize(gridIds, 100, "gridIds");
        Set<GridId> grids = new HashSet<>();
        if (gridIds != null) {
            for (int i = 0; i < gridIds.size(); i++) {
                GridId grid = Check.required(gridIds.get(i), "gridIds[" + i + "]");
                if (referenceData.grid(grid.value()).isEmpty()) {
                    throw new InvalidInputException("gridIds[" + i + "]", RegistryError.UNKNOWN_REFERENCE, grid);
                }
                grids.add(grid);
            }
        }
        return grids;
    }

    /** Shared-centre names, each once, in the order given. */
    private static List<String> centres(@Nullable List<String> given) {
        Check.maxSize(given, 30, "centres");
        List<String> centres = new ArrayList<>();
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                String centre = Check.line(given.get(i), "centres[" + i + "]", 40);
                if (!centres.contains(centre)) {
                    centres.add(centre);
                }
            }
        }
        return centres;
    }

    /** The founding members: each valid, none twice, exactly one lead. */
    private List<NewMember> members(@Nullable List<AddMember> given, LocalDate established) {
        if (given == null || given.isEmpty()) {
            throw new InvalidInputException("members", "field.required");
        }
        Check.maxSize(given, MAX_MEMBERS, "members");
        List<NewMember> members = new ArrayList<>();
        Set<InstitutionId> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            NewMember m = validateMember(given.get(i), "members[" + i + "].", established);
            if (!seen.add(m.institutionId())) {
                throw new ConflictException(RegistryError.ALREADY_MEMBER, "members[" + i + "].institutionId", m.institutionId());
            }
            members.add(m);
        }
        if (members.stream().filter(m -> m.role() == MembershipRole.LEAD).count() != 1) {
            throw new InvalidInputException("members", RegistryError.ONE_LEAD);
        }
        return members;
    }

    ConsortiumView addMember(ConsortiumId id, AddMember command) {
        ConsortiumView c = writable(id);
        NewMember m = validateMember(command, "", null);
        if (m.startDate().isBefore(c.establishedOn())) {
            throw new InvalidInputException("startDate", RegistryError.BEFORE_ESTABLISHMENT, m.startDate(), c.establishedOn());
        }
        String override = Check.optionalText(m.overrideReason(), "overrideReason", 1000);
        if (c.members().stream().anyMatch(x -> x.endDate() == null && x.institutionId().equals(m.institutionId()))) {
            throw new ConflictException(RegistryError.ALREADY_MEMBER, "institutionId", m.institutionId());
        }
        if (m.role() == MembershipRole.LEAD && c.lead().isPresent()) {
            throw new ConflictException(RegistryError.ONE_LEAD, "role");
        }
        var caller = access.caller();
        UUID membershipId = UUID.randomUUID();
        consortia.insertMembership(membershipId, id.value(), m, clock.instant(), caller.username());
        consortia.touch(id.value(), clock.instant());
        audit.record(AuditAction.UPDATE, "Consortium", id.toString(), null, "member added " + m.institutionId());
        reporter.guard(new RegistryChange("MEMBER_ADDED", id, List.of(m.institutionId()), override));
        ConsortiumView after = consortia.find(id.value()).orElseThrow();
        reporter.report(ChangeType.ADJUSTMENT, after, relationWithLead(after, m.institutionId()),
                reporter.withOverride(reporter.text("registry.report.summary.MEMBER_ADDED", after.name(),
                        reporter.institutionName(m.institutionId()), reporter.text("registry.membershipRole." + m.role().name()),
                        reporter.text("registry.membershipBasis." + m.basis().name())), override),
                caller.username());
        events.publishEvent(new MembershipChanged(id, m.institutionId(), m.role(), membershipId, false));
        return after;
    }

    ConsortiumView endMembership(ConsortiumId id, @Nullable EndMembership given) {
        ConsortiumView c = writable(id);
        EndMembership command = Check.required(given, "body");
        UUID membershipId = Check.required(command.membershipId(), "membershipId");
        MembershipView m = c.members().stream().filter(x -> x.id().equals(membershipId)).findFirst()
                .orElseThrow(() -> new InvalidInputException("membershipId", RegistryError.UNKNOWN_REFERENCE, membershipId));
        if (m.endDate() != null) {
            throw new ConflictException(RegistryError.MEMBERSHIP_ENDED, "membershipId", membershipId);
        }
        LocalDate end = Check.required(command.endDate(), "endDate");
        Check.notBefore(end, m.startDate(), "endDate");
        String reason = Check.optionalText(command.reason(), "reason", 1000);
        String override = Check.optionalText(command.overrideReason(), "overrideReason", 1000);
        var caller = access.caller();
        consortia.endMembership(membershipId, end, reason, clock.instant());
        consortia.touch(id.value(), clock.instant());
        audit.record(AuditAction.UPDATE, "Consortium", id.toString(), null, "membership ended " + membershipId);
        reporter.guard(new RegistryChange("MEMBERSHIP_ENDED", id, List.of(m.institutionId()), override));
        ConsortiumView after = consortia.find(id.value()).orElseThrow();
        reporter.report(ChangeType.ADJUSTMENT, after, relationWithLead(after, m.institutionId()),
                reporter.text("registry.report.summary.MEMBERSHIP_ENDED", after.name(),
                        reporter.institutionName(m.institutionId()), reporter.text("registry.membershipRole." + m.role().name()),
                        end.toString(), reason == null ? "-" : reason),
                caller.username());
        events.publishEvent(new MembershipChanged(id, m.institutionId(), m.role(), membershipId, true));
        return after;
    }

    ConsortiumView dissolve(ConsortiumId id, DissolveConsortium command) {
        ConsortiumView c = writable(id);
        Check.required(command, "body");
        LocalDate on = Check.required(command.dissolvedOn(), "dissolvedOn");
        Check.notBefore(on, c.establishedOn(), "dissolvedOn");
        String reason = Check.text(command.reason(), "reason", 1000);
        String override = Check.optionalText(command.overrideReason(), "overrideReason", 1000);
        var caller = access.caller();
        List<MembershipView> ending = c.members().stream().filter(m -> m.endDate() == null).toList();
        consortia.dissolve(id.value(), on, reason, clock.instant());
        audit.record(AuditAction.UPDATE, "Consortium", id.toString(), null, "dissolved");
        List<InstitutionId> relation = ending.stream().map(MembershipView::institutionId).toList();
        reporter.guard(new RegistryChange("CONSORTIUM_DISSOLVED", id, relation, override));
        ConsortiumView after = consortia.find(id.value()).orElseThrow();
        reporter.report(ChangeType.DISSOLUTION, after, relation,
                reporter.text("registry.report.summary.DISSOLUTION", after.name(), on.toString(), reason), caller.username());
        ending.forEach(m -> events.publishEvent(new MembershipChanged(id, m.institutionId(), m.role(), m.id(), true)));
        return after;
    }

    private NewMember validateMember(@Nullable AddMember given, String prefix, @Nullable LocalDate defaultStart) {
        AddMember m = Check.required(given, prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1));
        InstitutionId institution = institutionCommands.requireInstitution(m.institutionId(), prefix + "institutionId");
        MembershipRole role = Check.required(m.role(), prefix + "role");
        LocalDate start = Check.required(m.startDate() != null ? m.startDate() : defaultStart, prefix + "startDate");
        if (defaultStart != null && start.isBefore(defaultStart)) {
            throw new InvalidInputException(prefix + "startDate", RegistryError.BEFORE_ESTABLISHMENT, start, defaultStart);
        }
        return new NewMember(institution, role, m.basis() == null ? MembershipBasis.HOME_DISTRICT : m.basis(),
                start, Check.optionalLine(m.leadDiscipline(), prefix + "leadDiscipline", 100),
                Check.optionalText(m.overrideReason(), prefix + "overrideReason", 1000));
    }

    private static List<InstitutionId> relationWithLead(ConsortiumView after, @Nullable InstitutionId changed) {
        List<InstitutionId> relation = new ArrayList<>();
        relation.add(changed);
        after.lead().filter(l -> !l.equals(changed)).ifPresent(relation::add);
        return relation;
    }

    private String names(List<InstitutionId> ids) {
        return String.join(reporter.text("registry.report.separator"), reporter.institutionNames(ids));
    }
}
