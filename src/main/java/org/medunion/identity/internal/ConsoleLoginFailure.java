package org.medunion.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Tells the console user why a sign-in failed, as far as that reveals nothing: a missing or wrong password, or an
 * unknown username, are one answer ({@code error=credentials}); "TOTP required" and "TOTP enrolment required" are
 * only ever reached with the right password, so saying so reveals nothing an attacker did not already prove, and it
 * is the only way an administrator who must enrol finds the enrolment page. Lock-outs and rate limits say "wait".
 */
final class ConsoleLoginFailure implements AuthenticationFailureHandler {

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String reason = e instanceof AccountAuthenticator.LoginRefused refused ? reason(refused.code()) : "credentials";
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }

    static String reason(String code) {
        return switch (code) {
            case "auth.totpRequired" -> "totp";
            case "auth.totpEnrolmentRequired" -> "enrol";
            case "auth.locked", "auth.tooManyAttempts" -> "wait";
            default -> "credentials";
        };
    }
}
