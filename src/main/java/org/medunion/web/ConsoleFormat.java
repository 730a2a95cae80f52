package org.medunion.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/** Formatting for templates ({@code ${@consoleFormat.instant(x)}}): times in the jurisdiction's zone. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

    public String instant(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
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

    public String shortId(Object id) {
        String s = String.valueOf(id);
        return s.length() > 8 ? s.substring(0, 8) : s;
    }
}
