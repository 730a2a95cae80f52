package org.medunion.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medunion.identity.internal.AccountAuthenticator;
import org.medunion.identity.internal.OwnAccountService;
import org.medunion.identity.internal.OwnAccountService.EnrolmentConflict;
import org.medunion.identity.internal.OwnAccountService.TotpEnrolment;
import org.medunion.identity.internal.QrCode;
import org.medunion.shared.web.ConsolePage;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's TOTP enrolment (等保 L3 second factor): an administrator, security administrator or planner who must
 * use TOTP and has none yet cannot sign in, so this page — open before sign-in, like {@code POST /api/auth/totp} —
 * takes the username and password and shows the new secret once, as a QR code and as text for manual entry.
 */
@Controller
@ConsolePage
class TotpEnrolmentConsoleController {

    private final OwnAccountService own;

    TotpEnrolmentConsoleController(OwnAccountService own) {
        this.own = own;
    }

    @GetMapping("/login/totp")
    String form() {
        return "accounts/totp";
    }

    @PostMapping("/login/totp")
    String enrol(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        if (username.isBlank() || username.length() > 64 || password.isEmpty() || password.length() > 200) {
            return refused("error.auth.badCredentials", response, model);
        }
        TotpEnrolment enrolment;
        try {
            enrolment = own.enrolTotp(username.strip(), password, request.getRemoteAddr());
        } catch (EnrolmentConflict e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            model.addAttribute("error", "error.auth.totpAlreadyEnrolled");
            return "accounts/totp";
        } catch (AccountAuthenticator.LoginRefused e) {
            return refused(e.code().equals("auth.locked") || e.code().equals("auth.tooManyAttempts") ? "error." + e.code()
                    : "error.auth.badCredentials", response, model);
        }
        model.addAttribute("username", username.strip());
        model.addAttribute("secret", grouped(enrolment.secret()));
        model.addAttribute("otpauthUri", enrolment.otpauthUri());
        model.addAttribute("qr", QrCode.svgDataUri(enrolment.otpauthUri()));
        return "accounts/totp";
    }

    private static String refused(String messageKey, HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        model.addAttribute("error", messageKey);
        return "accounts/totp";
    }

    /** The base32 secret in groups of four, as authenticator apps show it for manual entry. */
    static String grouped(String secret) {
        return secret.replaceAll("(.{4})(?!$)", "$1 ");
    }
}
