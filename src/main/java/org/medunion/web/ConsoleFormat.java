package org.medunion.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.medunion.identity.AccountManagement;
import org.medunion.identity.Scope;
import org.medunion.shared.Masking;
import org.medunion.web.console.ConsoleNames;
import org.medunion.web.console.ConsoleSupport;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The one display helper of the console ({@code ${@consoleFormat.…}} in templates): times in the
 * jurisdiction's zone, coded values from the bundles ({@code enum.<Type>.<VALUE>}), durations in words,
 * a user's scope by its name. Users never see a raw code, an ISO duration or a UUID.
 */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    private final MessageSource messages;
    private final ConsoleNames names;
    private final AccountManagement accounts;

    ConsoleFormat(MessageSource messages, ConsoleNames names, AccountManagement accounts) {
        this.messages = messages;
        this.names = names;
        this.accounts = accounts;
    }

    public String instant(@Nullable Instant instant) {
        return ConsoleSupport.minutes(instant);
    }

    /** To the second, for the audit trail. */
    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.format(instant);
    }

    /** A client address as people write it: {@code ::1} not {@code 0:0:0:0:0:0:0:1}, IPv4 without its IPv6 wrapper. */
    public String address(String address) {
        if (address == null) {
            return "";
        }
        String a = address.startsWith("::ffff:") && address.indexOf('.') > 0 ? address.substring(7) : address;
        return a.contains(":") ? a.replaceFirst("(^|:)0(:0)+(:|$)", "::").replaceFirst("^:::", "::") : a;
    }

    /**
     * The console's one masking rule for residents listed on a page (issue 18): lists — resident search, referral
     * picker, follow-ups — show ID and phone numbers masked for every role; only a resident's own page shows them
     * in full, and only to the roles that need them (S-3). Masking a masked number changes nothing.
     */
    public @Nullable String listedIdNumber(@Nullable String number) {
        return Masking.residentId(number);
    }

    /** See {@link #listedIdNumber}. */
    public @Nullable String listedPhone(@Nullable String phone) {
        return Masking.phone(phone);
    }

    public String shortId(Object id) {
        String s = String.valueOf(id);
        return s.length() > 8 ? s.substring(0, 8) : s;
    }

    /** A coded value in the user's language ({@code enum.<type>.<value>}); the bundle's text, else the value. */
    public String code(String type, Object value) {
        if (value == null) {
            return "";
        }
        String v = value instanceof Enum<?> e ? e.name() : String.valueOf(value);
        return text("enum." + type + "." + v, v);
    }

    /** Several coded values of one type, named and joined with "、" (e.g. a consortium's shared centres). */
    public String codes(String type, Collection<?> values) {
        return values == null || values.isEmpty() ? "—"
                : values.stream().map(v -> code(type, v)).collect(Collectors.joining("、"));
    }

    /** A period in whole days, hours or minutes ("24 小时", "2 days") instead of ISO 8601 ("PT24H"). */
    public @Nullable String duration(@Nullable Duration d) {
        if (d == null) {
            return "";
        }
        if (!d.isZero() && d.toMinutes() % (24 * 60) == 0) {
            return optionalText("duration.days", d.toDays());
        }
        if (d.toMinutes() % 60 == 0) {
            return optionalText("duration.hours", d.toHours());
        }
        return optionalText("duration.minutes", d.toMinutes());
    }

    /** A rule parameter as a user reads it: an ISO 8601 period ("PT24H", a TM-4 deadline) in words, anything else as is. */
    public @Nullable String parameter(@Nullable String value) {
        if (value != null && value.startsWith("PT")) {
            try {
                return duration(Duration.parse(value));
            } catch (DateTimeParseException e) {
                return value;
            }
        }
        return value;
    }

    /**
     * The name of what a user's scope covers: the district, consortium or institution (as the registry names
     * it — a name is no personal data), or "whole platform"; never the UUID.
     */
    public String scope(Scope scope) {
        if (scope == null) {
            return "";
        }
        String kind = text("scope." + scope.type().name(), scope.type().name());
        String name = switch (scope.type()) {
            case GLOBAL -> null;
            case JURISDICTION -> {
                String code = Objects.requireNonNull(scope.reference(), "a jurisdiction scope names its division");
                yield names.district(code).orElse(code);
            }
            case CONSORTIUM -> names.consortium(referenceId(scope)).orElse(null);
            case INSTITUTION -> names.institution(referenceId(scope)).orElse(null);
        };
        return name == null ? kind : kind + " · " + name;
    }

    /** A person by the name and title the account carries (e.g. "华阳路社区 家庭医生 李敏"), not the login name. */
    public String person(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return accounts.account(username).map(a -> a.displayName())
                .filter(n -> n != null && !n.isBlank()).orElse(username);
    }

    /**
     * The link to page {@code page} of the list at {@code path}: the current request's filters (query string of a
     * GET) with {@code page} replaced, relative to the host. After a POST the filters are not in the query, so the
     * link is the unfiltered list's page.
     */
    public String pageLink(String path, int page) {
        return listAsShown(path).replaceQueryParam("page", page).build().toUriString();
    }

    /**
     * The link of a sortable column header: the list's filters kept, the page back to the first, and the column's
     * order — ascending, or descending when the list is sorted ascending by it already.
     */
    public String sortLink(String path, String column) {
        String next = "ascending".equals(ariaSort(column)) ? "-" + column : column;
        return listAsShown(path).replaceQueryParam("page").replaceQueryParam("sort", next).build().toUriString();
    }

    /** {@code aria-sort} of a column header: how the list is sorted by it now. */
    public String ariaSort(String column) {
        String current = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                && "GET".equals(attrs.getRequest().getMethod()) ? attrs.getRequest().getParameter("sort") : null;
        if (column.equals(current)) {
            return "ascending";
        }
        return ("-" + column).equals(current) ? "descending" : "none";
    }

    /** The list at {@code path} with the current GET's query (its filters); after a POST, the unfiltered list. */
    private static UriComponentsBuilder listAsShown(String path) {
        var builder = UriComponentsBuilder.fromPath(path);
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                && "GET".equals(attrs.getRequest().getMethod())) {
            builder.query(attrs.getRequest().getQueryString());
        }
        return builder;
    }

    /** A district by its name (GB/T 2260 code only if the registry does not know it). */
    public String district(String code) {
        return code == null ? "" : names.district(code).orElse(code);
    }

    /** Consortium and institution scopes always name the object they cover. */
    private static UUID referenceId(Scope scope) {
        return Objects.requireNonNull(scope.referenceId(), "a consortium or institution scope names its object");
    }

    private String text(String key, String fallback, Object... args) {
        return Objects.requireNonNull(messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale()),
                "a default message is given");
    }

    /** Without a default message: null when the bundle lacks the key. */
    private @Nullable String optionalText(String key, Object... args) {
        return messages.getMessage(key, args, null, LocaleContextHolder.getLocale());
    }
}
