package org.medunion.fhir.internal;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.ResourceVersionPolicy;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.springframework.stereotype.Component;

/**
 * Keeps the generated CapabilityStatement to what the providers really do: no {@code _include}/{@code _revinclude}
 * (no provider takes them), no history, and {@code versioning} derived from the interactions HAPI found — vread of
 * the current version makes a type {@code versioned}, a version-checked update ({@code If-Match}) on top
 * {@code versioned-update}, everything else {@code no-version}.
 */
@Component
@Interceptor
public class CapabilityStatementInterceptor {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void truthful(IBaseConformance generated) {
        if (!(generated instanceof CapabilityStatement statement)) {
            return;
        }
        for (var rest : statement.getRest()) {
            for (var resource : rest.getResource()) {
                resource.getSearchInclude().clear();
                resource.getSearchRevInclude().clear();
                resource.setReadHistory(false);
                resource.setVersioning(versioning(resource));
            }
        }
    }

    private static ResourceVersionPolicy versioning(CapabilityStatement.CapabilityStatementRestResourceComponent resource) {
        boolean vread = resource.getInteraction().stream().anyMatch(i -> i.getCode() == TypeRestfulInteraction.VREAD);
        boolean update = resource.getInteraction().stream().anyMatch(i -> i.getCode() == TypeRestfulInteraction.UPDATE);
        if (!vread) {
            return ResourceVersionPolicy.NOVERSION;
        }
        return update ? ResourceVersionPolicy.VERSIONEDUPDATE : ResourceVersionPolicy.VERSIONED;
    }
}
