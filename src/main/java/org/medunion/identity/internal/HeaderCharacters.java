package org.medunion.identity.internal;

import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The firewall's character rules for header names, header values and parameter names, as a loop over code points
 * instead of Spring Security's default regular expressions ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, and for
 * values the same plus TAB). The rules are the same, character for character ({@code HeaderCharactersTest} compares
 * them with the regular expressions); the loop costs a fraction: under the P-1 load the regular expressions were
 * 6 % of the application's CPU samples (docs/benchmarks.md).
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    /** Spring Security's strict firewall with the same rules, checked by {@link #assignedNotControl} and {@link #headerValue}. */
    static HttpFirewall strictFirewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::headerValue);
        firewall.setAllowedParameterNames(HeaderCharacters::assignedNotControl);
        return firewall;
    }

    /** Every code point assigned in Unicode and not a control character (C0, DEL, C1). */
    static boolean assignedNotControl(String s) {
        return allowed(s, false);
    }

    /** As {@link #assignedNotControl}, and TAB is allowed (folded header values). */
    static boolean headerValue(String s) {
        return allowed(s, true);
    }

    private static boolean allowed(String s, boolean tab) {
        for (int i = 0; i < s.length();) {
            int cp = s.codePointAt(i);
            if (!Character.isDefined(cp) || Character.isISOControl(cp) && !(tab && cp == '\t')) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
