package org.medunion.fhir.internal;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Search-parameter matching on mapped resources. The registry is small (hundreds to a few thousand
 * records per jurisdiction) and already scoped to the caller, so the providers map what the caller may
 * see and filter here, then cut the requested page ({@code _count}, {@code _offset}; see {@link Pages}).
 */
final class Searches {

    private Searches() {
    }

    /**
     * String search: {@code :exact} is exact; otherwise a case-insensitive <em>contains</em> match, which
     * is what users of Chinese names need (documented in docs/fhir.md).
     */
    static boolean string(@Nullable StringParam param, @Nullable String value) {
        if (param == null || param.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        if (param.isExact()) {
            return value.equals(param.getValue());
        }
        return value.toLowerCase(Locale.ROOT).contains(param.getValue().toLowerCase(Locale.ROOT));
    }

    /** FHIR default string search (starts-with), for codes such as the GB/T 2260 district prefix. */
    static boolean prefix(@Nullable StringParam param, @Nullable String value) {
        if (param == null || param.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return param.isExact() ? value.equals(param.getValue()) : value.startsWith(param.getValue());
    }

    static boolean identifier(TokenParam param, List<Identifier> identifiers) {
        if (param == null || param.isEmpty()) {
            return true;
        }
        return identifiers.stream().anyMatch(i -> (param.getSystem() == null || param.getSystem().isEmpty()
                || param.getSystem().equals(i.getSystem())) && Objects.equals(param.getValue(), i.getValue()));
    }

    static boolean codes(TokenOrListParam param, List<CodeableConcept> concepts) {
        if (param == null || param.getValuesAsQueryTokens().isEmpty()) {
            return true;
        }
        var codings = concepts.stream().flatMap(c -> c.getCoding().stream()).toList();
        return param.getValuesAsQueryTokens().stream().anyMatch(t -> token(t, codings));
    }

    static boolean codes(TokenParam param, List<CodeableConcept> concepts) {
        if (param == null || param.isEmpty()) {
            return true;
        }
        return token(param, concepts.stream().flatMap(c -> c.getCoding().stream()).toList());
    }

    private static boolean token(TokenParam t, List<Coding> codings) {
        boolean match = codings.stream().anyMatch(c -> (t.getSystem() == null || t.getSystem().isEmpty()
                || t.getSystem().equals(c.getSystem())) && (t.getValue() == null || t.getValue().equals(c.getCode())));
        return t.getModifier() == TokenParamModifier.NOT ? !match : match;
    }

    static boolean bool(TokenParam param, boolean value) {
        if (param == null || param.isEmpty()) {
            return true;
        }
        return Boolean.parseBoolean(param.getValue()) == value;
    }

    static boolean id(TokenParam param, Resource resource) {
        return param == null || param.isEmpty() || param.getValue().equals(resource.getIdElement().getIdPart());
    }

    static boolean reference(ReferenceParam param, Reference reference) {
        if (param == null || param.isEmpty()) {
            return true;
        }
        if (reference == null || !reference.hasReference()) {
            return false;
        }
        return param.getIdPart().equals(reference.getReferenceElement().getIdPart());
    }

    /** The UUID a reference parameter names, or null when absent or not a UUID (nothing can match then). */
    static @Nullable UUID referenceUuid(@Nullable ReferenceParam param) {
        if (param == null || param.isEmpty()) {
            return null;
        }
        try {
            return UUID.fromString(param.getIdPart());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The requested page of the result in a stable order (offset paging, {@link Pages}). */
    static <T extends Resource> IBundleProvider bundle(List<T> resources, Comparator<T> order, Pages.Request page) {
        var sorted = resources.stream().sorted(order.thenComparing(r -> r.getIdElement().getIdPart())).toList();
        return Pages.slice(page, sorted);
    }
}
