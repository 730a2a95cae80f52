package org.medunion.fhir.internal.diagnostics;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Specimen;
import org.jspecify.annotations.Nullable;
import org.medunion.diagnostics.DiagnosticsManagement;
import org.medunion.diagnostics.ItemKind;
import org.medunion.diagnostics.OrderId;
import org.medunion.diagnostics.OrderSearch;
import org.medunion.diagnostics.OrderStatus;
import org.medunion.diagnostics.SpecimenType;
import org.medunion.fhir.internal.LastUpdated;
import org.medunion.fhir.internal.Pages;
import org.medunion.fhir.internal.Versions;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * FHIR Specimen of lab and pathology orders to a centre (decision 0237), id {@code <order>-specimen}: read, and search by
 * {@code patient}, by {@code request} (the order's {@code ServiceRequest/<order>-order}) and {@code _lastUpdated}, in
 * SQL and paged like the order searches. Scope and audit are the order's ({@link CentreOrders}): the ordering
 * institution, the institution running the centre, the consortium's office, administrators; anyone else reads 404 and
 * searches an empty page.
 */
@Component
public class SpecimenResourceProvider implements IResourceProvider {

    /** The item kinds whose orders send a specimen (lab, pathology). */
    private static final EnumSet<ItemKind> KINDS = Arrays.stream(ItemKind.values()).filter(SpecimenType::taken)
            .collect(() -> EnumSet.noneOf(ItemKind.class), EnumSet::add, EnumSet::addAll);

    private final DiagnosticsManagement diagnostics;
    private final MessageSource messages;

    SpecimenResourceProvider(DiagnosticsManagement diagnostics, MessageSource messages) {
        this.diagnostics = diagnostics;
        this.messages = messages;
    }

    @Override
    public Class<Specimen> getResourceType() {
        return Specimen.class;
    }

    @Read(version = true)
    public Specimen read(@IdParam IdType id) {
        UUID order = DiagnosticsFhir.order(id.getIdPart(), DiagnosticsFhir.SPECIMEN_SUFFIX);
        if (order == null) {
            throw new ResourceNotFoundException(id);
        }
        try {
            var o = diagnostics.order(new OrderId(order));
            if (!OrderToSpecimenMapper.has(o)) {
                throw new ResourceNotFoundException(id);
            }
            Versions.requireCurrent(id, o.version());
            return OrderToSpecimenMapper.specimen(o, messages);
        } catch (NotFoundException e) {
            throw new ResourceNotFoundException(id);
        }
    }

    @Search
    public IBundleProvider search(@OptionalParam(name = Specimen.SP_PATIENT) ReferenceParam patient,
                                  @OptionalParam(name = "request") ReferenceParam request,
                                  @OptionalParam(name = "_lastUpdated") DateRangeParam lastUpdated,
                                  @Count Integer count, @Offset Integer offset) {
        var page = Pages.request(count, offset, Pages.DEFAULT_COUNT, 1, Pages.MAX_COUNT);
        UUID resident = patient == null ? null : DiagnosticsFhir.patient(patient);
        OrderId order = null;
        if (request != null) {
            UUID id = order(request);
            if (id == null) {
                return Pages.of(page, List.of(), 0);
            }
            order = new OrderId(id);
        }
        var found = diagnostics.searchOrders(new OrderSearch(resident, null, null, EnumSet.noneOf(OrderStatus.class), page.count(),
                page.first(), order, KINDS, LastUpdated.window(lastUpdated)));
        return Pages.of(page, found.items().stream().map(o -> OrderToSpecimenMapper.specimen(o, messages)).toList(),
                found.total());
    }

    /** The order a {@code request} names ({@code ServiceRequest/<order>-order}); null for a referral's or consultation's. */
    private static @Nullable UUID order(ReferenceParam request) {
        var id = new IdType(request.getValue());
        if (id.hasResourceType() && !"ServiceRequest".equals(id.getResourceType())) {
            throw new InvalidInputException("request", "request.invalidField", "ServiceRequest");
        }
        return DiagnosticsFhir.order(id.getIdPart());
    }
}
