package org.medunion.registry.web;

import org.medunion.registry.internal.RegistryError;
import org.medunion.shared.InvalidInputException;

/** Reads the expected version of an optimistic update from {@code If-Match} (ETag {@code "3"}) or {@code ?version=}. */
final class Versions {

    private Versions() {
    }

    static long expected(String ifMatch, Long version) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            String v = ifMatch.trim();
            if (v.startsWith("W/")) {
                v = v.substring(2);
            }
            v = v.replace("\"", "");
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                throw new InvalidInputException("If-Match", RegistryError.VERSION_REQUIRED);
            }
        }
        if (version != null) {
            return version;
        }
        throw new InvalidInputException("version", RegistryError.VERSION_REQUIRED);
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }
}
