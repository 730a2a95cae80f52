package org.medunion.fhir.internal.residents;

import ca.uhn.fhir.rest.annotation.ConditionalUrlParam;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Systems;
import org.medunion.fhir.internal.Versions;
import org.medunion.residents.Registration;
import org.medunion.residents.ResidentId;
import org.medunion.residents.ResidentSearch;
import org.medunion.residents.ResidentView;
import org.medunion.residents.ResidentsError;
import org.medunion.residents.ResidentsManagement;
import org.medunion.shared.ConflictException;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.Slice;
import org.springframework.stereotype.Component;

/**
 * Patient: the resident index. Read, search by {@code identifier} ({@code urn:oid:2.16.156.10011.1.3|<ID number>}
 * or the platform ID) and {@code name}, and create — conditional with {@code If-None-Exist: identifier=…}; a
 * create with an ID number already in the index never makes a second Patient: under the same name the record is
 * linked and the existing Patient returned (200) when the caller may read it, under another name the create is
 * refused (409, Patient.name) and flagged for review. Scope, masking and audit come from {@link ResidentsManagement}.
 */
@Component
class PatientResourceProvider implements IResourceProvider {

    private final ResidentsManagement residents;
    private final Clock clock;

    PatientResourceProvider(ResidentsManagement residents, Clock clock) {
        this.residents = residents;
        this.clock = clock;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    /** read, and vread of the current version (older versions are not kept: 404, docs/fhir.md "Versions"). */
    @Read(version = true)
    public Patient read(@IdParam IdType id) {
        return Versions.current(id, readCurrent(id));
    }

    private Patient readCurrent(IdType id) {
        ResidentId rid = residentId(id.getIdPart());
        ResidentView r = residents.resident(rid).orElseThrow(() -> new ResourceNotFoundException(id));
        return toPatient(r);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier,
                                  @OptionalParam(name = Patient.SP_NAME) StringParam name,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        // _count limits the search itself: every match read is audited, so reading 100 to return 10 would
        // both cost and record reads nobody asked for; each next page re-runs the scoped, audited search
        Pages.Request page = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, 100);
        Instant from = LastUpdated.from(lastUpdated);
        Instant to = LastUpdated.to(lastUpdated);
        if (identifier != null) {
            var found = byIdentifier(identifier.getSystem(), identifier.getValue())
                    .filter(r -> (from == null || !r.updatedAt().isBefore(from)) && (to == null || !r.updatedAt().isAfter(to)))
                    .filter(r -> name == null || r.name().startsWith(name.getValue().trim()))
                    .map(this::toPatient).stream().toList();
            return Pages.slice(page, found);
        }
        if (name == null && from == null && to == null) {
            throw new InvalidInputException("name", ResidentsError.SEARCH_CRITERIA_REQUIRED);
        }
        Slice<ResidentView> slice = residents.search(new ResidentSearch(null, name == null ? null : name.getValue(),
                page.count(), from, to), page.first());
        return Pages.of(page, slice.items().stream().map(this::toPatient).toList(), slice.total());
    }

    @Create
    public MethodOutcome create(@ResourceParam Patient patient, @ConditionalUrlParam String conditional) {
        if (conditional != null) {
            Optional<ResidentView> existing = conditionalMatch(conditional);
            if (existing.isPresent()) {
                return new MethodOutcome(new IdType("Patient", existing.get().id().toString(), String.valueOf(existing.get().version())),
                        false)
                        .setResource(toPatient(existing.get()));
            }
        }
        Registration registration;
        try {
            registration = residents.register(ResidentToPatientMapper.toCommand(patient));
        } catch (InvalidInputException e) {
            throw new InvalidInputException(ResidentToPatientMapper.element(e.field()), e.code(), e.arguments().toArray());
        } catch (ConflictException e) {
            throw new ConflictException(e.code(), ResidentToPatientMapper.element(e.field()), e.arguments().toArray());
        }
        ResidentView r = registration.resident();
        if (r == null) {
            // linked, but the caller may not read the resident: the answer reveals nothing they did not send
            var linked = new OperationOutcome();
            linked.addIssue().setSeverity(OperationOutcome.IssueSeverity.INFORMATION)
                    .setCode(OperationOutcome.IssueType.INFORMATIONAL).setDiagnostics(registration.outcome().name());
            return new MethodOutcome().setCreated(false).setOperationOutcome(linked);
        }
        var outcome = new MethodOutcome(new IdType("Patient", r.id().toString(), String.valueOf(r.version())),
                registration.outcome() == Registration.Outcome.CREATED);
        return outcome.setResource(toPatient(r));
    }

    /** {@code identifier=urn:oid:2.16.156.10011.1.3|<number>} (the only conditional criterion supported). */
    private Optional<ResidentView> conditionalMatch(String conditional) {
        String query = conditional.contains("?") ? conditional.substring(conditional.indexOf('?') + 1) : conditional;
        for (String part : query.split("&")) {
            int eq = part.indexOf('=');
            if (eq > 0 && part.substring(0, eq).equals(Patient.SP_IDENTIFIER)) {
                String token = URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                int bar = token.indexOf('|');
                return bar < 0 ? byIdentifier(null, token) : byIdentifier(token.substring(0, bar), token.substring(bar + 1));
            }
        }
        throw new InvalidInputException("If-None-Exist", "request.invalidField", conditional.length() > 60
                ? conditional.substring(0, 60) : conditional, "identifier=" + Systems.RESIDENT_ID_NUMBER + "|…");
    }

    private Optional<ResidentView> byIdentifier(@Nullable String system, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("identifier", "field.required");
        }
        if (Systems.ID_RESIDENT.equals(system)) {
            return residents.resident(residentId(value));
        }
        if (system != null && !system.isBlank() && !Systems.RESIDENT_ID_NUMBER.equals(system)) {
            throw new InvalidInputException("identifier", "request.invalidField", system,
                    Systems.RESIDENT_ID_NUMBER + ", " + Systems.ID_RESIDENT);
        }
        try {
            return residents.findByIdNumber(value);
        } catch (InvalidInputException e) {
            throw new InvalidInputException("identifier", e.code(), e.arguments().toArray());
        }
    }

    private Patient toPatient(ResidentView r) {
        return ResidentToPatientMapper.toPatient(r, residents.possibleDuplicatesOf(r.id()),
                residents.activeContract(r.id(), LocalDate.now(clock)));
    }

    static ResidentId residentId(String raw) {
        try {
            return ResidentId.of(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("id", "request.wrongType");
        }
    }
}
