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

    public String instant(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant);
    }

    /**
     * The console's one masking rule for residents listed on a page (issue 18): lists — resident search, referral
     * picker, follow-ups — show ID and phone numbers masked for every role; only a resident's own page shows them
     * in full, and only to the roles that need them (S-3). Masking a masked number changes nothing.
     */
    public String listedIdNumber(String number) {
        return org.medunion.shared.Masking.residentId(number);
    }

    /** See {@link #listedIdNumber}. */
    public String listedPhone(String phone) {
        return org.medunion.shared.Masking.phone(phone);
    }

    public String shortId(Object id) {
        String s = String.valueOf(id);
        return s.length() > 8 ? s.substring(0, 8) : s;
    }
}
