package org.medunion.identity.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Objects;
import org.medunion.identity.CurrentUser;
import org.medunion.identity.internal.AccountAuthenticator;
import org.medunion.identity.internal.OwnAccountService;
import org.medunion.identity.internal.OwnAccountService.TotpEnrolment;
import org.medunion.identity.internal.TokenService;
import org.medunion.shared.MedUnionException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "auth", description = "Bearer tokens for the API and FHIR")
class AuthTokenController {

    private final AccountAuthenticator authenticator;
    private final TokenService tokens;
    private final OwnAccountService own;

    AuthTokenController(AccountAuthenticator authenticator, TokenService tokens, OwnAccountService own) {
        this.authenticator = authenticator;
        this.tokens = tokens;
        this.own = own;
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Exchange a username and password (and TOTP code where required) for a bearer token", description = "Five failed attempts from one source address lock that address out for the account for 15 "
            + "minutes, doubling with each further lock-out; other addresses and issued tokens are unaffected. "
            + "The access token lives 2 h by default; the refresh token renews it (POST /api/auth/refresh).")
    TokenResponse token(@Valid @RequestBody TokenRequest request, HttpServletRequest http, HttpServletResponse response) {
        CurrentUser user = login(request.username(), request.password(), request.totp(), http, response);
        return TokenResponse.of(tokens.issue(user), user);
    }

    @PostMapping("/api/auth/refresh")
    @Operation(summary = "Exchange a refresh token for a new token pair; the old pair stops working")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        var issued = tokens.refresh(request.refreshToken())
                .orElseThrow(() -> new AuthenticationFailed("auth.badRefreshToken", "refreshToken"));
        var user = tokens.resolve(issued.token()).orElseThrow(() -> new AuthenticationFailed("auth.badRefreshToken", "refreshToken"))
                .user();
        return TokenResponse.of(issued, user);
    }

    @PostMapping("/api/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke the presented token (and its refresh token)")
    void logout(@RequestHeader("Authorization") String authorization, Authentication authentication) {
        own.logout(caller(authentication).username(), authorization.substring(7).trim());
    }

    @PostMapping("/api/auth/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Change your own password; every other token of the account is revoked")
    void changePassword(@Valid @RequestBody PasswordChange request, Authentication authentication) {
        var session = authentication.getDetails() instanceof TokenService.Session s ? s.id() : null;
        own.changePassword(caller(authentication).username(), request.currentPassword(),
                request.newPassword(), session);
    }

    @PostMapping("/api/auth/totp")
    @Operation(summary = "Enrol a TOTP authenticator (RFC 6238); the secret is shown once", description = "Takes the username and password, since an account that must use TOTP cannot obtain a token before. "
            + "Answers 409 when the account is already enrolled; the security administrator's reset clears it.")
    TotpEnrolment enrolTotp(@Valid @RequestBody TotpEnrolmentRequest request, HttpServletRequest http,
                            HttpServletResponse response) {
        try {
            return own.enrolTotp(request.username(), request.password(), http.getRemoteAddr());
        } catch (AccountAuthenticator.LoginRefused e) {
            throw refused(e, response);
        }
    }

    /** These endpoints require authentication, so Spring Security has set the principal before they run. */
    private static CurrentUser caller(Authentication authentication) {
        return (CurrentUser) Objects.requireNonNull(authentication.getPrincipal(), "authenticated request has a principal");
    }

    @GetMapping("/api/auth/whoami")
    @Operation(summary = "The account behind the bearer token: role and scope")
    CurrentUser whoami(Authentication authentication) {
        return caller(authentication);
    }

    private CurrentUser login(String username, String password, String totp, HttpServletRequest http,
                              HttpServletResponse response) {
        try {
            return authenticator.login(username, password, totp, http.getRemoteAddr());
        } catch (AccountAuthenticator.LoginRefused e) {
            throw refused(e, response);
        }
    }

    private static MedUnionException refused(AccountAuthenticator.LoginRefused e, HttpServletResponse response) {
        if (e.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        if (e.code().equals("auth.tooManyAttempts")) {
            return new TooManyAttempts();
        }
        return new AuthenticationFailed(e.code(), e.code().startsWith("auth.totp") ? "totp" : "password");
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
                        @Size(max = 10) String totp) {
    }

    record RefreshRequest(@NotBlank @Size(max = 100) String refreshToken) {
    }

    record PasswordChange(@NotBlank @Size(max = 200) String currentPassword, @NotBlank @Size(max = 200) String newPassword) {
    }

    record TotpEnrolmentRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt, String refreshToken, Instant refreshExpiresAt,
                         String username, String role) {

        static TokenResponse of(TokenService.IssuedToken issued, CurrentUser user) {
            return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), issued.refreshToken(),
                    issued.refreshExpiresAt(), user.username(), user.role().name());
        }
    }

    static final class AuthenticationFailed extends MedUnionException {

        AuthenticationFailed(String code, String field) {
            super(code, field);
        }

        @Override
        public int status() {
            return 401;
        }
    }

    static final class TooManyAttempts extends MedUnionException {

        TooManyAttempts() {
            super("auth.tooManyAttempts", null);
        }

        @Override
        public int status() {
            return 429;
        }
    }
}
