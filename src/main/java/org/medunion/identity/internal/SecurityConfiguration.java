package org.medunion.identity.internal;

import org.medunion.identity.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;

/**
 * Two doors. The API and FHIR take only bearer tokens, keep no session and so need no CSRF token;
 * the console uses form login with a session, CSRF protection and session-fixation protection.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";

    /** The strict firewall with the same rules, checked without regular expressions ({@link HeaderCharacters}). */
    @Bean
    HttpFirewall httpFirewall() {
        return HeaderCharacters.strictFirewall();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, TokenService tokens, RateLimiter limiter, Environment environment)
            throws Exception {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        http.securityMatcher("/api/**", "/fhir/**", "/v3/api-docs/**", "/actuator/**")
                .authorizeHttpRequests(a -> {
                    a.requestMatchers(HttpMethod.POST, "/api/auth/token", "/api/auth/refresh", "/api/auth/totp").permitAll()
                            .requestMatchers(HttpMethod.GET, "/fhir/metadata", "/actuator/health/**").permitAll();
                    if (demo) {
                        // the demo is meant to be explored; elsewhere the API description is for signed-in callers only
                        a.requestMatchers(HttpMethod.GET, "/v3/api-docs/**").permitAll();
                    }
                    a.requestMatchers("/actuator/**").hasRole("ADMIN")
                            .requestMatchers("/api/accounts/**").hasRole(Role.SECURITY_ADMIN.name())
                            .requestMatchers(HttpMethod.GET, "/fhir/AuditEvent", "/fhir/AuditEvent/**").authenticated()
                            .requestMatchers("/api/residents/**", "/api/referrals/**", "/api/scheduling/**", "/api/consultations/**",
                                    "/api/consultation-series/**", "/api/consultation-sessions/**", "/api/diagnostics/**",
                                    "/api/pharmacy/**", "/api/indicators/**", "/fhir/**")
                            .access(noResidentData())
                            .anyRequest().authenticated();
                })
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .addFilterBefore(new RateLimitFilter(limiter), AnonymousAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(apiEntryPoint()).accessDeniedHandler(apiDeniedHandler()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, Environment environment, AccountStore accounts) throws Exception {
        boolean demo = environment.acceptsProfiles(Profiles.of("demo"));
        http.authorizeHttpRequests(a -> {
            a.requestMatchers("/login", "/login/totp", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico").permitAll();
            if (demo) {
                a.requestMatchers("/swagger-ui/**", "/swagger-ui.html").permitAll();
            }
            a.requestMatchers("/console/accounts/**").hasRole(Role.SECURITY_ADMIN.name())
                    .requestMatchers("/console/residents/**", "/console/referrals/**", "/console/schedules/**",
                            "/console/slots/**", "/console/consultations/**", "/console/indicators/**")
                    .access(noResidentData())
                    .anyRequest().authenticated();
        })
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).failureHandler(new ConsoleLoginFailure()).permitAll()
                        .authenticationDetailsSource(AccountAuthenticator.LoginDetails::new))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterAfter(new PasswordChangeRedirectFilter(accounts), AnonymousAuthenticationFilter.class)
                .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(CSP)));
        return http.build();
    }

    /**
     * 三员 (decision 0020): the security and audit administrators are signed in but never see resident data — a
     * rule at the door, so no resident, referral, booking or FHIR endpoint can forget it.
     */
    private static AuthorizationManager<RequestAuthorizationContext> noResidentData() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasAnyRole(Role.SECURITY_ADMIN.name(),
                        Role.AUDITOR.name())));
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, ex) -> AuthProblems.write(response, request.getRequestURI(), 401, "login",
                "Authentication required: send Authorization: Bearer <token> (POST /api/auth/token)");
    }

    private static AccessDeniedHandler apiDeniedHandler() {
        return (request, response, ex) -> AuthProblems.write(response, request.getRequestURI(), 403, "forbidden",
                "Your role or scope does not allow this request");
    }
}
