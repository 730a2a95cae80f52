package org.medunion.fhir.internal;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.jspecify.annotations.Nullable;
import org.medunion.shared.InvalidInputException;

/**
 * Offset paging without stored searches (issue 10 item 2): every page — the first and each {@code next} link,
 * which carries {@code _offset} and {@code _count} — re-runs the caller's scoped search, so access is checked
 * and personal-data reads are audited on every page, and no page of one account's search can be handed to
 * another. HAPI builds the links from the offset and the total a provider reports.
 */
public final class Pages {

    public static final int DEFAULT_COUNT = 20;
    public static final int MAX_COUNT = 200;

    private Pages() {
    }

    /** The page a request asks for: {@code _count} 0–max (0 = total only), {@code _offset} ≥ 0. */
    public record Request(int offset, int count) {

        /** The first row of the page, for SQL {@code offset}. */
        public int first() {
            return offset;
        }
    }

    /** {@code _count} above the maximum is served as the maximum (R4 lets a server return fewer than asked). */
    public static Request request(@Nullable Integer count, @Nullable Integer offset) {
        return request(count, offset, DEFAULT_COUNT, 0, MAX_COUNT);
    }

    /**
     * With a minimum of 1 where every row read is audited: a total-only search ({@code _count=0}) would have to
     * read rows it does not return, so it is a 400 naming {@code _count}.
     */
    public static Request request(@Nullable Integer count, @Nullable Integer offset, int defaultCount, int minCount, int maxCount) {
        int c = count == null ? defaultCount : Math.min(count, maxCount);
        if (c < minCount) {
            throw new InvalidInputException("_count", "fhir.pageRange", minCount, maxCount);
        }
        int o = offset == null ? 0 : offset;
        if (o < 0) {
            throw new InvalidInputException("_offset", "fhir.pageRange", 0, Integer.MAX_VALUE);
        }
        return new Request(o, c);
    }

    /** One page the store already cut (SQL {@code limit/offset}) and the number of all matches. */
    public static IBundleProvider of(Request request, List<? extends IBaseResource> page, long total) {
        var bundle = new SimpleBundleProvider(List.<IBaseResource>copyOf(page));
        bundle.setSize((int) Math.min(total, Integer.MAX_VALUE));
        bundle.setCurrentPageOffset(request.offset());
        // HAPI needs a positive page size to build links; a _count=0 request never gets a next link anyway
        bundle.setCurrentPageSize(Math.max(1, request.count()));
        return bundle;
    }

    /** A page of a small, already scoped and sorted result held in memory (registry, terminology). */
    public static IBundleProvider slice(Request request, List<? extends IBaseResource> all) {
        int from = Math.min(request.offset(), all.size());
        int to = (int) Math.min((long) from + request.count(), all.size());
        return of(request, all.subList(from, to), all.size());
    }
}
