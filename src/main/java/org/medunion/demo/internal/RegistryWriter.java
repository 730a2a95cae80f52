package org.medunion.demo.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.registry.AddMember;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.DispatchStaff;
import org.medunion.registry.DrawGrid;
import org.medunion.registry.FormConsortium;
import org.medunion.registry.GridId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.LogWork;
import org.medunion.registry.PractitionerId;
import org.medunion.registry.RecordAgreement;
import org.medunion.registry.RecordStudyPeriod;
import org.medunion.registry.RegisterInstitution;
import org.medunion.registry.RegisterPractitioner;
import org.medunion.registry.RegistryManagement;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the generated city through the registry's public API, so every object is validated, audited,
 * guarded and — for consortia — reported exactly as if a planner had entered it. Objects are buffered
 * and written chunk by chunk, one transaction per {@link #flush()} (all or nothing per chunk).
 *
 * <p>The registry assigns its own IDs ({@link RegistryManagement} has no way to pass one in), so the
 * writer keeps a map from the generator's stable IDs to the registry's; a district-scale city needs
 * about 35,000 entries (a few MB). Once the registry accepts caller-chosen IDs the map becomes the identity.
 */
final class RegistryWriter extends ForwardingSink {

    private final RegistryManagement registry;
    private final TransactionTemplate transactions;
    private final Map<UUID, UUID> ids = new HashMap<>();
    private CityRecorder chunk = new CityRecorder();
    private final Direct direct = new Direct();
    /** Nanoseconds spent in the registry per kind of object, for the load profile in the debug log. */
    final Map<String, long[]> profile = new TreeMap<>();
    int institutions;
    int practitioners;
    int consortia;
    int written;

    RegistryWriter(RegistryManagement registry, TransactionTemplate transactions) {
        this.registry = registry;
        this.transactions = transactions;
    }

    /** The registry's ID of a generated object; one not written (yet) is a bug in the loader. */
    UUID registryId(UUID generatedId) {
        return mapped(generatedId);
    }

    /** Generated objects go to the current chunk until {@link #flush()} writes it. */
    @Override
    protected CitySink delegate() {
        return chunk;
    }

    @Override
    public void flush() {
        if (chunk.size() == 0) {
            return;
        }
        CityRecorder full = chunk;
        chunk = new CityRecorder();
        transactions.executeWithoutResult(status -> full.replay(new Timed()));
        written += full.size();
    }

    private @Nullable UUID map(@Nullable UUID generated) {
        return generated == null ? null : mapped(generated);
    }

    private UUID mapped(UUID generated) {
        UUID actual = ids.get(generated);
        if (actual == null) {
            throw new IllegalStateException("generated object " + generated + " referenced before it was written");
        }
        return actual;
    }

    private @Nullable InstitutionId institution(@Nullable InstitutionId generated) {
        return generated == null ? null : new InstitutionId(mapped(generated.value()));
    }

    private @Nullable GridId grid(@Nullable GridId generated) {
        return generated == null ? null : new GridId(mapped(generated.value()));
    }

    /** Times each call into {@link #direct} by kind: [calls, nanoseconds]. */
    private final class Timed implements CitySink {

        private void time(String kind, Runnable call) {
            long start = System.nanoTime();
            call.run();
            long[] p = profile.computeIfAbsent(kind, k -> new long[2]);
            p[0]++;
            p[1] += System.nanoTime() - start;
        }

        @Override
        public void grid(UUID id, DrawGrid command) {
            time("grid", () -> direct.grid(id, command));
        }

        @Override
        public void institution(UUID id, @Nullable String key, RegisterInstitution command) {
            time("institution", () -> direct.institution(id, key, command));
        }

        @Override
        public void practitioner(UUID id, RegisterPractitioner command) {
            time("practitioner", () -> direct.practitioner(id, command));
        }

        @Override
        public void studyPeriod(UUID practitionerId, RecordStudyPeriod command) {
            time("studyPeriod", () -> direct.studyPeriod(practitionerId, command));
        }

        @Override
        public void consortium(UUID id, @Nullable String key, FormConsortium command) {
            time("consortium", () -> direct.consortium(id, key, command));
        }

        @Override
        public void agreement(UUID id, UUID consortiumId, RecordAgreement command) {
            time("agreement", () -> direct.agreement(id, consortiumId, command));
        }

        @Override
        public void dispatch(UUID id, UUID consortiumId, DispatchStaff command) {
            time("dispatch", () -> direct.dispatch(id, consortiumId, command));
        }

        @Override
        public void workLog(UUID dispatchId, LogWork command) {
            time("workLog", () -> direct.workLog(dispatchId, command));
        }
    }

    /** "institution 116 calls 812 ms, …" */
    String profileLine() {
        var sb = new StringBuilder();
        profile.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v[0]).append(" calls ")
                .append(v[1] / 1_000_000).append(" ms"));
        return sb.toString();
    }

    /** Writes straight through the registry API, translating references. */
    private final class Direct implements CitySink {

        @Override
        public void grid(UUID id, DrawGrid command) {
            ids.put(id, registry.drawGrid(command).id().value());
        }

        @Override
        public void institution(UUID id, @Nullable String key, RegisterInstitution c) {
            var view = registry.registerInstitution(new RegisterInstitution(c.name(), c.creditCode(), c.category(), c.level(),
                    c.grade(), c.ownership(), c.ownerBody(), c.affiliation(), c.tcm(), c.districtCode(),
                    RegistryWriter.this.grid(c.gridId()),
                    RegistryWriter.this.institution(c.parentId()), c.regionalMedicalCentre(), c.address(), c.campuses(),
                    c.keySpecialties()));
            ids.put(id, view.id().value());
            institutions++;
        }

        @Override
        public void practitioner(UUID id, RegisterPractitioner c) {
            var view = registry.registerPractitioner(new RegisterPractitioner(c.name(), RegistryWriter.this.institution(c.institutionId()),
                    c.profession(), c.title(), c.titleDate(), c.discipline(), c.generalPractitioner(), c.paediatrician()));
            ids.put(id, view.id().value());
            practitioners++;
        }

        @Override
        public void studyPeriod(UUID practitionerId, RecordStudyPeriod c) {
            registry.recordStudyPeriod(new PractitionerId(mapped(practitionerId)),
                    new RecordStudyPeriod(RegistryWriter.this.institution(c.hostInstitutionId()), c.startDate(), c.endDate()));
        }

        @Override
        public void consortium(UUID id, @Nullable String key, FormConsortium c) {
            List<GridId> grids = (c.gridIds() == null ? List.<GridId>of() : c.gridIds()).stream().map(RegistryWriter.this::grid).toList();
            List<AddMember> members = c.members().stream().map(m -> new AddMember(RegistryWriter.this.institution(m.institutionId()),
                    m.role(), m.basis(), m.startDate(), m.leadDiscipline(), m.overrideReason())).toList();
            var view = registry.formConsortium(new FormConsortium(c.name(), c.form(), c.tight(), c.governance(), c.districtCode(),
                    grids, c.establishedOn(), c.crossProvince(), c.ownerApprovedOn(), c.managementOffice(),
                    c.qualityControlGroup(), c.centres(), members, c.overrideReason()));
            ids.put(id, view.id().value());
            consortia++;
        }

        @Override
        public void agreement(UUID id, UUID consortiumId, RecordAgreement c) {
            var view = registry.recordAgreement(new ConsortiumId(mapped(consortiumId)), new RecordAgreement(c.type(), c.title(),
                    c.parties().stream().map(RegistryWriter.this::institution).toList(), c.termStart(), c.termEnd(), c.signedOn(),
                    c.responsibilities(), c.rights(), c.benefits(), c.benefitSharing(), c.managerDuties(), c.targets(),
                    c.overrideReason()));
            ids.put(id, view.id());
        }

        @Override
        public void dispatch(UUID id, UUID consortiumId, DispatchStaff c) {
            var view = registry.dispatchStaff(new ConsortiumId(mapped(consortiumId)), new DispatchStaff(
                    new PractitionerId(mapped(c.practitionerId().value())), RegistryWriter.this.institution(c.toInstitutionId()), c.kind(),
                    c.managerRole(), c.discipline(), c.startDate(), c.endDate(), c.weeklyDays(), map(c.agreementId()),
                    c.overrideReason()));
            ids.put(id, view.id());
        }

        @Override
        public void workLog(UUID dispatchId, LogWork command) {
            registry.logWork(mapped(dispatchId), command);
        }
    }
}
