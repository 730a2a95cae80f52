package org.medunion.fhir.internal.subscription;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.medunion.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where a rest-hook may point (SSRF, docs/decisions/0140): {@code https} only ({@code http} when
 * {@code medunion.fhir.subscription.allow-http} is set, for development), and no host that resolves to a loopback,
 * unspecified, private, shared (CGNAT, e.g. Alibaba Cloud's metadata 100.100.100.200), link-local (e.g. the
 * 169.254.169.254 metadata service), unique-local IPv6, multicast or reserved address — unless the host is named
 * in {@code medunion.fhir.subscription.allowed-hosts} (comma list of host names or IP literals, as written in the
 * URL). Checked when a subscription is made and again before every delivery, since a name may resolve elsewhere
 * by then (DNS rebinding).
 */
@Component
class SubscriptionEndpoints {

    static final String FIELD = "Subscription.channel.endpoint";

    /** Name resolution; a seam for tests. */
    interface Resolver {

        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowHttp;
    private final Set<String> allowedHosts;
    private final Resolver resolver;

    @Autowired
    SubscriptionEndpoints(@Value("${medunion.fhir.subscription.allow-http:false}") boolean allowHttp,
                          @Value("${medunion.fhir.subscription.allowed-hosts:}") List<String> allowedHosts) {
        this(allowHttp, allowedHosts, InetAddress::getAllByName);
    }

    SubscriptionEndpoints(boolean allowHttp, List<String> allowedHosts, Resolver resolver) {
        this.allowHttp = allowHttp;
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .map(SubscriptionEndpoints::bare).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The endpoint as stored, or a 400 naming {@code Subscription.channel.endpoint} and the rule broken. */
    String check(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidInputException(FIELD, "field.required");
        }
        URI uri;
        try {
            uri = URI.create(endpoint.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FIELD, "request.wrongType", endpoint, "https URL");
        }
        if (uri.getHost() == null || endpoint.length() > 1000 || uri.getUserInfo() != null) {
            throw new InvalidInputException(FIELD, "request.wrongType", endpoint, "https URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!("https".equals(scheme) || (allowHttp && "http".equals(scheme)))) {
            throw new InvalidInputException(FIELD, "fhir.endpointScheme", allowHttp ? "https, http" : "https");
        }
        requirePublic(uri.getHost());
        return uri.toString();
    }

    /** Before a delivery: the stored endpoint must still resolve to public addresses only. */
    void recheck(String endpoint) {
        requirePublic(URI.create(endpoint).getHost());
    }

    private void requirePublic(String rawHost) {
        String host = bare(rawHost.toLowerCase(Locale.ROOT));
        if (allowedHosts.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException(FIELD, "fhir.endpointUnresolvable", host);
        }
        if (addresses.length == 0) {
            throw new InvalidInputException(FIELD, "fhir.endpointUnresolvable", host);
        }
        for (InetAddress a : addresses) {
            if (internal(a)) {
                throw new InvalidInputException(FIELD, "fhir.endpointInternal", host, a.getHostAddress());
            }
        }
    }

    /** IPv6 literals come in brackets in URLs. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether an address is not on the public internet (or is a cloud metadata service). */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7 (AWS metadata fd00:ec2::254)
            }
            boolean v4Embedded = true; // ::a.b.c.d (IPv4-compatible) and 64:ff9b::/96 (NAT64) carry an IPv4 address
            boolean nat64 = (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            for (int i = nat64 ? 4 : 0; i < 12; i++) {
                v4Embedded &= b[i] == 0;
            }
            if (v4Embedded) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        return b0 == 0 // this network
                || (b0 == 100 && (b1 & 0xc0) == 64) // shared address space 100.64/10 (CGNAT; Alibaba Cloud metadata)
                || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                || (b0 == 198 && (b1 == 18 || b1 == 19)) // benchmarking
                || b0 >= 240; // reserved and broadcast
    }
}
