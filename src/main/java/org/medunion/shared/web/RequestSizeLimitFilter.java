package org.medunion.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies above the limit with 413 before anything parses them (R-5 oversized bodies).
 * Bulk imports, which are legitimately large, go through {@code /api/import/**} with their own limit; the uploads
 * named in {@code medunion.upload-paths} (a result file imported as a job, decision 0238) have
 * {@code medunion.max-upload-size}.
 * A body sent without Content-Length (chunked) is read up to the limit here, so it cannot slip past the check;
 * an import must declare its length (411 otherwise), because buffering hundreds of megabytes is not an option.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxImportBytes;
    private final long maxUploadBytes;
    private final Set<String> uploadPaths;
    private final List<Pattern> uploadPatterns;

    public RequestSizeLimitFilter(@Value("${medunion.max-request-size:1MB}") DataSize max,
                                  @Value("${medunion.max-import-size:200MB}") DataSize maxImport,
                                  @Value("${medunion.max-upload-size:11MB}") DataSize maxUpload,
                                  @Value("${medunion.upload-paths:}") List<String> uploadPaths) {
        this.maxBytes = max.toBytes();
        this.maxImportBytes = maxImport.toBytes();
        this.maxUploadBytes = maxUpload.toBytes();
        this.uploadPaths = Set.copyOf(uploadPaths.stream().map(String::strip).filter(p -> !p.isEmpty()).toList());
        // a "*" stands for one path segment (/api/consultations/*/attachments, decision 0254)
        this.uploadPatterns = this.uploadPaths.stream().filter(p -> p.contains("*"))
                .map(p -> Pattern.compile(Arrays.stream(p.split("\\*", -1)).map(Pattern::quote)
                        .collect(Collectors.joining("[^/]+"))))
                .toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean imports = request.getRequestURI().startsWith("/api/import/");
        long limit = imports ? maxImportBytes : upload(request.getRequestURI()) ? maxUploadBytes : maxBytes;
        long length = request.getContentLengthLong();
        if (length < 0 && chunked(request)) {
            if (imports) {
                response.sendError(411);
                return;
            }
            byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                refuse(request, response, body.length, limit);
                return;
            }
            chain.doFilter(new BufferedBodyRequest(request, body), response);
            return;
        }
        if (length > limit) {
            refuse(request, response, length, limit);
            return;
        }
        chain.doFilter(request, response);
    }

    private boolean upload(String uri) {
        return uploadPaths.contains(uri) || uploadPatterns.stream().anyMatch(p -> p.matcher(uri).matches());
    }

    private static boolean chunked(HttpServletRequest request) {
        String te = request.getHeader("Transfer-Encoding");
        return te != null && te.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** {@code length} is the declared length, or for a chunked body the bytes read before giving up. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, long length, long limit)
            throws IOException {
        response.setStatus(413);
        response.setCharacterEncoding("UTF-8");
        boolean fhir = request.getRequestURI().startsWith("/fhir");
        response.setContentType(fhir ? "application/fhir+json" : "application/problem+json");
        response.getWriter().write(fhir
                ? "{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\"too-costly\",\"diagnostics\":\"Request body of "
                        + length + " bytes exceeds the limit of " + limit + " bytes\"}]}"
                : "{\"type\":\"https://medunion.example/problems/request.tooLarge\",\"title\":\"Payload Too Large\",\"status\":413,"
                        + "\"code\":\"request.tooLarge\",\"detail\":\"Request body of " + length + " bytes exceeds the limit of "
                        + limit + " bytes\"}");
    }
}
