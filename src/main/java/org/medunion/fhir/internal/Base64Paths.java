package org.medunion.fhir.internal;

import ca.uhn.fhir.parser.IParserErrorHandler.IParseLocation;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base64 that does not decode (decision 0259): HAPI's strict parser refuses it with a bare "invalid attribute value"
 * and no element, so {@link Handler} turns it into a 400 {@code fhir.base64} on {@code data} (the base64Binary element of
 * Attachment, Signature and Binary), and {@link #locate} finds which one in the JSON body, so that the
 * OperationOutcome names it ({@code Communication.payload[2].contentAttachment.data}). Everything else stays strict.
 */
public final class Base64Paths {

    static final String CODE = "fhir.base64";
    private static final String ELEMENT = "data";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Base64Paths() {
    }

    /** The parser's error handler: strict, with undecodable {@code data} as a module error. */
    static final class Handler extends StrictErrorHandler {

        @Override
        public void invalidValue(@Nullable IParseLocation location, @Nullable String value, @Nullable String error) {
            if (location != null && ELEMENT.equals(location.getParentElementName()) && value != null && !decodes(value)) {
                throw new InvalidInputException(ELEMENT, CODE);
            }
            super.invalidValue(location, value, error);
        }
    }

    /** The bytes of R4 base64Binary text (whitespace ignored); {@link IllegalArgumentException} when it does not decode. */
    public static byte[] decode(String value) {
        return Base64.getDecoder().decode(value.replaceAll("\\s", ""));
    }

    static boolean decodes(String value) {
        try {
            decode(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The FHIRPath of the first {@code data} in a JSON resource that does not decode, if the body is JSON and has one. */
    static Optional<String> locate(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(body);
            return Optional.ofNullable(find(root, root.path("resourceType").asString("")));
        } catch (RuntimeException e) {
            return Optional.empty(); // XML, or not parseable: the bare element name stays
        }
    }

    private static @Nullable String find(JsonNode node, String path) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = find(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String at = path + "." + e.getKey();
                if (ELEMENT.equals(e.getKey()) && e.getValue().isString() && !decodes(e.getValue().asString())) {
                    return at;
                }
                String found = find(e.getValue(), at);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
