package org.medunion.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.medunion.identity.CurrentUser;
import org.medunion.shared.MedUnionException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "auth", description = "Bearer tokens for the API and FHIR")
class AuthTokenController {

    private final AccountAuthenticator authenticator;
    private final TokenService tokens;

    AuthTokenController(AccountAuthenticator authenticator, TokenService tokens) {
        this.authenticator = authenticator;
        this.tokens = tokens;
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Exchange a username and password for a bearer token",
            description = "Five failed attempts lock the account for 15 minutes.")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        CurrentUser user;
        try {
            user = (CurrentUser) authenticator.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password())).getPrincipal();
        } catch (LockedException e) {
            throw new AuthenticationFailed("auth.locked");
        } catch (AuthenticationException e) {
            throw new AuthenticationFailed("auth.badCredentials");
        }
        var issued = tokens.issue(user);
        return new TokenResponse(issued.token(), "Bearer", issued.expiresAt(), user.username(), user.role().name());
    }

    @org.springframework.web.bind.annotation.GetMapping("/api/auth/whoami")
    @Operation(summary = "The account behind the bearer token: role and scope")
    CurrentUser whoami(org.springframework.security.core.Authentication authentication) {
        return (CurrentUser) authentication.getPrincipal();
    }

    record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
    }

    record TokenResponse(String token, String tokenType, Instant expiresAt, String username, String role) {
    }

    static final class AuthenticationFailed extends MedUnionException {
        AuthenticationFailed(String code) {
            super(code, "password");
        }

        @Override
        public int status() {
            return 401;
        }
    }
}
