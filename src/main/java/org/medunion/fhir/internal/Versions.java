package org.medunion.fhir.internal;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Resource;
import org.medunion.shared.InvalidInputException;
import org.medunion.shared.MedUnionException;

/**
 * Version-aware update: {@code If-Match: W/"<version>"} (or the resource's {@code meta.versionId}) must
 * name the current registry version; a stale If-Match is 412 Precondition Failed as FHIR prescribes, a
 * race lost inside the registry a 409.
 */
public final class Versions {

    private static final Pattern ETAG = Pattern.compile("^(?:W/)?\"?(\\d+)\"?$");

    private Versions() {
    }

    /** The version the client based its change on; the current one when it names none (last write wins). */
    public static long expected(RequestDetails request, Resource resource, long current) {
        String header = request == null ? null : request.getHeader("If-Match");
        if (header != null && !header.isBlank()) {
            var m = ETAG.matcher(header.trim());
            if (!m.matches()) {
                throw new InvalidInputException("If-Match", "fhir.ifMatch", header);
            }
            long version = Long.parseLong(m.group(1));
            if (version != current) {
                throw new PreconditionFailed(resource.fhirType() + ".meta.versionId", version, current);
            }
            return version;
        }
        if (resource.hasMeta() && resource.getMeta().hasVersionId()) {
            try {
                return Long.parseLong(resource.getMeta().getVersionId());
            } catch (NumberFormatException e) {
                throw new InvalidInputException(resource.fhirType() + ".meta.versionId", "fhir.ifMatch",
                        resource.getMeta().getVersionId());
            }
        }
        return current;
    }

    /**
     * vread ({@code _history/n}): the current version is served; older versions are not kept (the modules store
     * the current state only), so asking for one is a 404 — never the current state under an old version id.
     */
    public static void requireCurrent(IIdType id, long current) {
        if (id != null && id.hasVersionIdPart() && !id.getVersionIdPart().equals(Long.toString(current))) {
            throw new ResourceNotFoundException(id);
        }
    }

    /** {@link #requireCurrent} for a mapped resource: its {@code meta.versionId} is the current version. */
    public static <R extends Resource> R current(IIdType id, R resource) {
        if (id != null && id.hasVersionIdPart() && !id.getVersionIdPart().equals(resource.getMeta().getVersionId())) {
            throw new ResourceNotFoundException(id);
        }
        return resource;
    }

    /** 412: the If-Match version is not the current one. */
    static final class PreconditionFailed extends MedUnionException {

        PreconditionFailed(String field, long given, long current) {
            super("fhir.staleVersion", field, given, current);
        }

        @Override
        public int status() {
            return 412;
        }
    }
}
