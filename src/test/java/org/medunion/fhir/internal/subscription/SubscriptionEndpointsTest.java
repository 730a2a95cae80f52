package org.medunion.fhir.internal.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.medunion.shared.InvalidInputException;

/**
 * Subscription SSRF (issue 12, decision 0140): rest-hook endpoints are https on public addresses; http and
 * internal addresses only by configuration; the check is repeated before each delivery (DNS rebinding).
 */
class SubscriptionEndpointsTest {

    /** Resolves every name to the address held in {@code to} (literals to themselves), like a DNS we control. */
    static SubscriptionEndpoints endpoints(boolean allowHttp, List<String> allowed, AtomicReference<String> to) {
        return new SubscriptionEndpoints(allowHttp, allowed, host -> {
            if (host.equals("nowhere.invalid")) {
                throw new UnknownHostException(host);
            }
            boolean literal = host.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
            return new InetAddress[] {InetAddress.getByName(literal ? host : to.get())};
        });
    }

    static String refusal(SubscriptionEndpoints e, String url) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidInputException.class, () -> e.check(url));
        assertThat(thrown).as(url).isNotNull();
        assertThat(thrown.field()).isEqualTo("Subscription.channel.endpoint");
        return thrown.code();
    }

    @Test
    void httpsToAPublicAddressIsAcceptedAndHttpOnlyWhenConfigured() {
        var dns = new AtomicReference<>("203.0.113.10");
        var strict = endpoints(false, List.of(), dns);
        assertThat(strict.check("https://his.example.cn/fhir/hook")).isEqualTo("https://his.example.cn/fhir/hook");
        assertThat(refusal(strict, "http://his.example.cn/fhir/hook")).isEqualTo("fhir.endpointScheme");
        assertThat(refusal(strict, "ftp://his.example.cn/x")).isEqualTo("fhir.endpointScheme");
        assertThat(refusal(strict, "https://user:pw@his.example.cn/x")).isEqualTo("request.wrongType");
        assertThat(refusal(strict, "https://nowhere.invalid/x")).isEqualTo("fhir.endpointUnresolvable");
        var dev = endpoints(true, List.of(), dns);
        assertThat(dev.check("http://his.example.cn/fhir/hook")).isEqualTo("http://his.example.cn/fhir/hook");
    }

    @Test
    void loopbackPrivateLinkLocalMulticastAndMetadataAddressesAreRefused() {
        var dns = new AtomicReference<>("203.0.113.10");
        var strict = endpoints(false, List.of(), dns);
        for (String url : List.of("https://127.0.0.1/", "https://127.8.9.10:8443/x", "https://[::1]/", "https://0.0.0.0/",
                "https://10.1.2.3/", "https://172.16.0.1/", "https://192.168.1.1/", "https://169.254.169.254/latest/meta-data/",
                "https://100.100.100.200/latest/meta-data/", "https://[fd00:ec2::254]/", "https://[fe80::1]/",
                "https://224.0.0.1/", "https://[ff02::1]/", "https://255.255.255.255/", "https://[::ffff:10.0.0.1]/",
                "https://[64:ff9b::a9fe:a9fe]/", "https://[::127.0.0.1]/")) {
            assertThat(refusal(strict, url)).as(url).isEqualTo("fhir.endpointInternal");
        }
        // a name is judged by what it resolves to
        dns.set("169.254.169.254");
        assertThat(refusal(strict, "https://metadata.google.internal/computeMetadata/v1/")).isEqualTo("fhir.endpointInternal");
        dns.set("127.0.0.1");
        assertThat(refusal(strict, "https://localhost/hook")).isEqualTo("fhir.endpointInternal");
        // the edges of the ranges are public
        for (String url : List.of("https://100.63.255.255/", "https://100.128.0.1/", "https://172.32.0.1/", "https://11.0.0.1/",
                "https://[2001:db8::1]/")) {
            assertThat(strict.check(url)).as(url).isEqualTo(url);
        }
    }

    @Test
    void anAllowListedHostMayBeInternalAndOnlyThatHost() {
        var dns = new AtomicReference<>("127.0.0.1");
        var tests = endpoints(true, List.of("127.0.0.1", " Receiver.Local "), dns);
        assertThat(tests.check("http://127.0.0.1:8089/hook")).isEqualTo("http://127.0.0.1:8089/hook");
        assertThat(tests.check("http://receiver.local/hook")).isEqualTo("http://receiver.local/hook");
        assertThat(refusal(tests, "http://localhost:8089/hook")).isEqualTo("fhir.endpointInternal");
        assertThat(refusal(tests, "http://127.0.0.2/hook")).isEqualTo("fhir.endpointInternal");
    }

    @Test
    void aNameThatResolvesInternallyAtDeliveryIsRefusedThen() {
        var dns = new AtomicReference<>("203.0.113.10");
        var strict = endpoints(false, List.of(), dns);
        String stored = strict.check("https://his.example.cn/hook");
        strict.recheck(stored);
        dns.set("10.0.0.5");
        assertThatThrownBy(() -> strict.recheck(stored)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).code()).isEqualTo("fhir.endpointInternal"));
    }
}
