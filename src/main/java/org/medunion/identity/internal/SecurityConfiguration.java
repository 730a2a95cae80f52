package org.medunion.identity.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Two doors. The API and FHIR take only bearer tokens, keep no session and so need no CSRF token;
 * the console uses form login with a session, CSRF protection and session-fixation protection.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens) throws Exception {
        http.securityMatcher("/api/**", "/fhir/**", "/v3/api-docs/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/fhir/metadata", "/v3/api-docs/**", "/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint()).accessDeniedHandler(apiDeniedHandler()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, ex) -> write(response, request.getRequestURI(), 401, "login",
                "Authentication required: send Authorization: Bearer <token> (POST /api/auth/token)");
    }

    private static AccessDeniedHandler apiDeniedHandler() {
        return (request, response, ex) -> write(response, request.getRequestURI(), 403, "forbidden",
                "Your role or scope does not allow this request");
    }

    /** FHIR clients expect an OperationOutcome, REST clients an RFC 9457 problem detail. */
    private static void write(HttpServletResponse response, String uri, int status, String code, String message)
            throws java.io.IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (uri.contains("/fhir/")) {
            response.setContentType("application/fhir+json");
            response.getWriter().write("{\"resourceType\":\"OperationOutcome\",\"issue\":[{\"severity\":\"error\",\"code\":\""
                    + (status == 401 ? "login" : "forbidden") + "\",\"diagnostics\":\"" + message + "\"}]}");
        } else {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"https://medunion.example/problems/auth." + code + "\",\"title\":\""
                    + (status == 401 ? "Unauthorized" : "Forbidden") + "\",\"status\":" + status + ",\"detail\":\"" + message
                    + "\",\"code\":\"auth." + code + "\",\"instance\":\"" + uri.replace("\"", "") + "\"}");
        }
    }
}
