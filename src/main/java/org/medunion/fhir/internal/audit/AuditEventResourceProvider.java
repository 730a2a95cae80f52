package org.medunion.fhir.internal.audit;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditExport;
import org.medunion.audit.AuditTrail;
import org.medunion.audit.AuditTrail.AuditQuery;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The audit trail exported as FHIR AuditEvent (S-2), for the audit administrator only (三员, decision
 * 0020): read one event, or search by
 * {@code patient} (who touched this resident's data), {@code agent-name} (what one account did) and
 * {@code entity-type} (the object type, e.g. {@code Referral}), {@code action} (C, R, U, D, E) and {@code date}
 * (when it happened; same as {@code _lastUpdated}, events never change), newest first, at most 1,000 a page. Each export
 * is itself recorded in the trail.
 */
@Component
class AuditEventResourceProvider implements IResourceProvider {

    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    private final AuditTrail audit;
    private final AuditExport readers;

    AuditEventResourceProvider(AuditTrail audit, AuditExport readers) {
        this.audit = audit;
        this.readers = readers;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return AuditEvent.class;
    }

    @Read
    public AuditEvent read(@IdParam IdType id) {
        requireAuditor();
        UUID uuid;
        try {
            uuid = UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException e) {
            throw new ResourceNotFoundException(id);
        }
        var entry = audit.find(uuid).orElseThrow(() -> new ResourceNotFoundException(id));
        audit.record(AuditAction.EXPORT, "AuditEvent", entry.id().toString(), entry.residentRef(), "FHIR read");
        return AuditEventMapper.toFhir(entry);
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agentName,
                                  @OptionalParam(name = AuditEvent.SP_ENTITY_TYPE) StringParam entityType,
                                  @OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
                                  @OptionalParam(name = AuditEvent.SP_ACTION) TokenOrListParam action,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count,
                                  @Offset Integer offset) {
        requireAuditor();
        String resident = null;
        if (patient != null) {
            if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
                throw new InvalidInputException("patient", "request.invalidField", patient.getResourceType(), "Patient");
            }
            try {
                resident = UUID.fromString(patient.getIdPart()).toString();
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new InvalidInputException("patient", "request.wrongType");
            }
        }
        if (count != null && (count < 1 || count > MAX_COUNT)) {
            throw new InvalidInputException("_count", "fhir.pageRange", 1, MAX_COUNT);
        }
        Pages.Request page = Pages.request(count, offset, DEFAULT_COUNT, 1, MAX_COUNT);
        var query = new AuditQuery(agentName == null ? null : agentName.getValue(),
                entityType == null ? null : entityType.getValue(), null, resident, page.count());
        // an event never changes, so its date is its last update: both parameters narrow the same range
        Instant from = later(LastUpdated.from(lastUpdated), LastUpdated.from(AuditEvent.SP_DATE, date));
        Instant to = earlier(LastUpdated.to(lastUpdated), LastUpdated.to(AuditEvent.SP_DATE, date));
        var slice = audit.search(query, actions(action), from, to, page.first());
        audit.record(AuditAction.EXPORT, "AuditEvent", null, resident, "FHIR search, " + slice.items().size() + " events");
        return Pages.of(page, slice.items().stream().map(AuditEventMapper::toFhir).toList(), slice.total());
    }

    /** The platform's actions behind the FHIR action codes asked for (C, R, U, D, E; any of them). */
    private static Set<AuditAction> actions(TokenOrListParam action) {
        if (action == null) {
            return Set.of();
        }
        Set<AuditAction> actions = EnumSet.noneOf(AuditAction.class);
        for (TokenParam token : action.getValuesAsQueryTokens()) {
            var matching = AuditEventMapper.actionsCoded(token.getValue());
            if (matching.isEmpty()) {
                throw new InvalidInputException("action", "request.invalidField", token.getValue(), "C, R, U, D, E");
            }
            actions.addAll(matching);
        }
        return actions;
    }

    private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }

    private static @Nullable Instant earlier(@Nullable Instant a, @Nullable Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** The audit module's one rule for who reads the trail (三员, decision 0020). */
    private void requireAuditor() {
        readers.requireReader();
    }
}
