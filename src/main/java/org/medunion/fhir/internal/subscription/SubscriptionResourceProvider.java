package org.medunion.fhir.internal.subscription;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Update;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.jspecify.annotations.Nullable;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Versions;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.CurrentUsers;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.registry.RegistryManagement;
import org.medunion.shared.ConflictException;
import org.medunion.shared.ForbiddenException;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * R4 Subscription (rest-hook) on referrals: create, read, search (the caller's own), update of {@code status}
 * ({@code off}, or {@code requested} to resume after an error). A subscription belongs to the account that made it;
 * nobody else reads or changes it (404). Its criteria name one institution the account's scope covers (else 403).
 * Status: a requested subscription is {@code active} as soon as it is stored; {@code error} after repeated failed
 * deliveries (with the reason in {@code error}); {@code off} when the client says so.
 */
@Component
class SubscriptionResourceProvider implements IResourceProvider {

    private final SubscriptionStore store;
    private final CurrentUsers users;
    private final RegistryManagement registry;
    private final Clock clock;
    private final SubscriptionEndpoints endpoints;

    SubscriptionResourceProvider(SubscriptionStore store, CurrentUsers users, RegistryManagement registry, Clock clock,
                                 SubscriptionEndpoints endpoints) {
        this.store = store;
        this.users = users;
        this.registry = registry;
        this.clock = clock;
        this.endpoints = endpoints;
    }

    @Override
    public Class<Subscription> getResourceType() {
        return Subscription.class;
    }

    @Create
    public MethodOutcome create(@ResourceParam Subscription subscription) {
        CurrentUser caller = users.require();
        var criteria = SubscriptionCriteria.parse(subscription.getCriteria());
        requireInScope(caller, criteria.institution());
        var channel = subscription.getChannel();
        if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
            throw new InvalidInputException("Subscription.channel.type", "request.unknownValue",
                    channel.getType() == null ? "" : channel.getType().toCode(), "rest-hook");
        }
        if (channel.hasPayload()) {
            throw new InvalidInputException("Subscription.channel.payload", "fhir.notSupported");
        }
        String endpoint = endpoints.check(channel.getEndpoint());
        String header = headers(channel);
        if (!subscription.hasReason()) {
            throw new InvalidInputException("Subscription.reason", "field.required");
        }
        String status = subscription.getStatus() == Subscription.SubscriptionStatus.OFF ? "off" : "active";
        var now = clock.instant();
        var row = new SubscriptionStore.Row(UUID.randomUUID(), caller.username(), subscription.getCriteria().trim(), endpoint,
                header, text(subscription.getReason(), "Subscription.reason", 500), status, null, 0, now, now, 1);
        store.insert(row, criteria);
        var outcome = new MethodOutcome(new IdType("Subscription", row.id().toString(), "1"), true);
        return outcome.setResource(toFhir(row));
    }

    @Read(version = true)
    public Subscription read(@IdParam IdType id) {
        return Versions.current(id, toFhir(own(id)));
    }

    @Search
    public IBundleProvider search(@Count Integer count, @Offset Integer offset) {
        String owner = users.require().username();
        Pages.Request page = Pages.request(count, offset);
        return Pages.of(page, store.ofOwner(owner, Math.max(1, page.count()), page.first()).stream()
                .filter(r -> page.count() > 0).map(SubscriptionResourceProvider::toFhir).toList(), store.countOfOwner(owner));
    }

    /** Only {@code status} changes: {@code off}, or {@code requested}/{@code active} to (re)activate. */
    @Update
    public MethodOutcome update(@IdParam IdType id, @ResourceParam Subscription subscription, RequestDetails request) {
        var current = own(id);
        long expected = Versions.expected(request, subscription, current.version());
        if (subscription.hasCriteria() && !subscription.getCriteria().trim().equals(current.criteria())) {
            throw new InvalidInputException("Subscription.criteria", "fhir.notSupported");
        }
        String status = switch (subscription.getStatus() == null ? Subscription.SubscriptionStatus.NULL : subscription.getStatus()) {
            case OFF -> "off";
            case REQUESTED, ACTIVE -> "active";
            default -> throw new InvalidInputException("Subscription.status", "request.unknownValue",
                    subscription.getStatus() == null ? "" : subscription.getStatus().toCode(), "requested, active, off");
        };
        if (!store.setStatus(current.id(), expected, status, clock.instant())) {
            throw new ConflictException("common.staleVersion", "Subscription.meta.versionId");
        }
        var updated = store.find(current.id(), current.owner()).orElseThrow();
        var outcome = new MethodOutcome(new IdType("Subscription", updated.id().toString(), Long.toString(updated.version())));
        return outcome.setResource(toFhir(updated));
    }

    private SubscriptionStore.Row own(IdType id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
        return store.find(uuid, users.require().username()).orElseThrow(() -> new ResourceNotFoundException(id));
    }

    /** The institution the criteria name must lie in the caller's scope, as the referral module scopes reads. */
    private void requireInScope(CurrentUser caller, UUID institution) {
        var scope = caller.scope();
        boolean covered = switch (scope.type()) {
            case GLOBAL -> registry.institution(new InstitutionId(institution)).isPresent();
            case INSTITUTION -> institution.equals(scope.referenceId());
            case CONSORTIUM -> registry.consortium(new ConsortiumId(scope.requiredReferenceId())).stream()
                    .flatMap(c -> c.members().stream()).anyMatch(m -> m.institutionId().value().equals(institution));
            case JURISDICTION -> registry.institution(new InstitutionId(institution))
                    .filter(i -> scope.coversDivision(i.districtCode())).isPresent();
            // a scope kind added later watches nothing until it is decided here (fail closed)
            default -> false;
        };
        if (!covered) {
            throw new ForbiddenException("auth.forbidden");
        }
    }

    private static @Nullable String headers(Subscription.SubscriptionChannelComponent channel) {
        for (StringType h : channel.getHeader()) {
            String v = h.getValue();
            if (v == null || v.indexOf(':') < 1 || v.length() > 200 || v.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidInputException("Subscription.channel.header", "request.wrongType", "", "Name: value");
            }
        }
        String joined = channel.getHeader().stream().map(StringType::getValue).collect(Collectors.joining("\n"));
        if (joined.length() > 500) {
            throw new InvalidInputException("Subscription.channel.header", "request.wrongType", "", "≤ 500 characters");
        }
        return joined.isEmpty() ? null : joined;
    }

    private static String text(String value, String field, int max) {
        if (value.length() > max || value.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\t')) {
            throw new InvalidInputException(field, "request.wrongType", "", "text ≤ " + max);
        }
        return value;
    }

    static Subscription toFhir(SubscriptionStore.Row row) {
        var s = new Subscription();
        s.setId("Subscription/" + row.id());
        s.getMeta().setVersionId(Long.toString(row.version())).setLastUpdated(Date.from(row.updatedAt()));
        s.setStatus(Subscription.SubscriptionStatus.fromCode(row.status()));
        s.setCriteria(row.criteria());
        s.setReason(row.reason());
        if (row.error() != null) {
            s.setError(row.error());
        }
        var channel = s.getChannel().setType(Subscription.SubscriptionChannelType.RESTHOOK).setEndpoint(row.endpoint());
        if (row.header() != null) {
            for (String h : row.header().split("\n")) {
                channel.addHeader(h);
            }
        }
        return s;
    }
}
