package org.medunion.registry.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.medunion.audit.AuditAction;
import org.medunion.audit.AuditTrail;
import org.medunion.registry.ChangeReportView;
import org.medunion.registry.ConsortiumId;
import org.medunion.registry.InstitutionId;
import org.medunion.shared.NotFoundException;
import org.springframework.stereotype.Component;

/** Change reports (SH-10) of the consortia the caller sees, as views or as the report workbook. */
@Component
class ChangeReportQueries {

    private final ChangeReportStore reports;
    private final InstitutionStore institutions;
    private final ConsortiumCommands consortiumCommands;
    private final ChangeReportWorkbook workbook;
    private final RegistryAccess access;
    private final AuditTrail audit;
    private final Clock clock;

    ChangeReportQueries(ChangeReportStore reports, InstitutionStore institutions, ConsortiumCommands consortiumCommands,
                        ChangeReportWorkbook workbook, RegistryAccess access, AuditTrail audit, Clock clock) {
        this.reports = reports;
        this.institutions = institutions;
        this.consortiumCommands = consortiumCommands;
        this.workbook = workbook;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    List<ChangeReportView> changeReports(@Nullable ConsortiumId consortiumIdOrNull) {
        return stored(consortiumIdOrNull).stream().map(ChangeReportStore.Stored::view).toList();
    }

    Optional<ChangeReportView> changeReport(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return reports.find(id).filter(r -> visible(r.view().consortiumId())).map(ChangeReportStore.Stored::view);
    }

    byte[] export(@Nullable ConsortiumId consortiumIdOrNull) {
        List<ChangeReportStore.Stored> list = stored(consortiumIdOrNull);
        Map<InstitutionId, String> names = new LinkedHashMap<>();
        list.stream().map(r -> r.view().reportingInstitution()).filter(Objects::nonNull).distinct()
                .forEach(id -> institutions.find(id.value()).ifPresent(i -> names.put(id, i.name())));
        audit.record(AuditAction.EXPORT, "ChangeReport", consortiumIdOrNull == null ? null : consortiumIdOrNull.toString(),
                null, list.size() + " reports");
        return workbook.write(list, names, clock.getZone());
    }

    private boolean visible(ConsortiumId id) {
        try {
            consortiumCommands.visible(id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private List<ChangeReportStore.Stored> stored(@Nullable ConsortiumId consortiumIdOrNull) {
        List<Object> params = new ArrayList<>();
        var where = new StringBuilder();
        if (consortiumIdOrNull != null) {
            consortiumCommands.visible(consortiumIdOrNull);
            where.append(" and r.consortium_id = ?");
            params.add(consortiumIdOrNull.value());
        }
        where.append(" and r.consortium_id in (select c.id from registry_consortium c where 1=1")
                .append(access.caller().consortiumFilter(params)).append(")");
        return reports.query(where.toString(), params);
    }
}
