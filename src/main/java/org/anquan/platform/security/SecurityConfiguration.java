package org.anquan.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.anquan.shared.Databases;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableConfigurationProperties({LoginThrottle.Properties.class, LoginRateLimiter.Properties.class})
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; "
            + "base-uri 'self'; form-action 'self'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(Accounts accounts) {
        return username -> {
            if (username == null || username.length() > 64) {
                throw new UsernameNotFoundException("unknown");
            }
            AccountUser user = accounts.loadPrincipal(username);
            if (user == null) {
                throw new UsernameNotFoundException("unknown");
            }
            return user;
        };
    }

    @Bean
    LoginRateLimiter loginRateLimiter(LoginRateLimiter.Properties props, JdbcClient jdbc, Clock clock,
                                      TransactionTemplate tx, DataSource dataSource)
            throws SQLException {
        return new LoginRateLimiter(props.perMinute(), jdbc, clock, tx, Databases.isPostgres(dataSource));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiTokens tokens, Accounts accounts,
                                            LoginRateLimiter limiter, LoginThrottle throttle,
                                            MessageSource messageSource,
                                            JsonMapper json,
                                            List<PublicPaths> publicPaths) throws Exception {
        ApiProblems problems = new ApiProblems(messageSource, json);
        // every failed sign-in answers the same, whether the name exists or not
        var failure = new SimpleUrlAuthenticationFailureHandler("/login?error");

        String[] open = publicPaths.stream().flatMap(p -> p.open().stream()).toArray(String[]::new);
        String[] keyed = publicPaths.stream().flatMap(p -> p.withoutSession().stream()).toArray(String[]::new);
        var keyedMatcher = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> keyedMatchers = Arrays.stream(keyed)
                .map(p -> (RequestMatcher) keyedMatcher.matcher(p)).toList();
        http
            .authorizeHttpRequests(a -> {
                if (open.length > 0) {
                    a.requestMatchers(open).permitAll();
                }
                a
                .requestMatchers("/login", "/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico",
                        "/error", "/error/**", "/public/**", "/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                .requestMatchers("/actuator/**").hasAuthority(Permission.METRICS_READ.authority())
                .requestMatchers("/admin/accounts", "/admin/accounts/**").hasAuthority(Permission.ACCOUNT_ADMIN.authority())
                .requestMatchers("/admin/tokens", "/admin/tokens/**", "/admin/open311", "/admin/open311/**").hasAuthority(Permission.TOKEN_ADMIN.authority())
                .requestMatchers("/admin/audit", "/admin/audit/**").hasAuthority(Permission.AUDIT_READ.authority())
                .requestMatchers("/admin/regions/**", "/admin/matrix").hasAuthority(Permission.DIRECTORY_ADMIN.authority())
                .requestMatchers("/admin/supervision/sweep").hasAuthority(Permission.SUPERVISION_SWEEP.authority())
                .requestMatchers("/admin/supervision/steps/*/outcome").hasAuthority(Permission.SUPERVISION_OUTCOME.authority())
                .requestMatchers("/admin/supervision/reinspections/**").hasAuthority(Permission.REINSPECTION_DRAW.authority())
                // an administrative route not placed above is closed until it is
                .requestMatchers("/admin/**").denyAll()
                .anyRequest().authenticated();
            })
            .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(failure).permitAll())
            .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
            .csrf(c -> c.ignoringRequestMatchers(req -> ApiTokenAuthenticationFilter.hasBearer(req)
                    || keyedMatchers.stream().anyMatch(m -> m.matches(req))))
            .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
            .exceptionHandling(e -> e.authenticationEntryPoint((req, res, ex) -> unauthenticated(req, res, problems))
                .accessDeniedHandler(problems.accessDenied()))
            .headers(h -> h
                .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(fo -> fo.deny()))
            .addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, problems), UsernamePasswordAuthenticationFilter.class)
            .addFilterBefore(new LoginRateLimitFilter(limiter, throttle, problems), UsernamePasswordAuthenticationFilter.class)
            .addFilterAfter(new MustChangePasswordFilter(), UsernamePasswordAuthenticationFilter.class);
        return http.build();
    }

    private static void unauthenticated(HttpServletRequest req, HttpServletResponse res, ApiProblems problems)
            throws IOException {
        if (ApiProblems.isApi(req)) {
            problems.write(req, res, HttpStatus.UNAUTHORIZED, "unauthenticated", "error.401");
        } else if ("true".equals(req.getHeader("HX-Request"))) {
            // an htmx call after the session expired: make the browser go to the login page
            res.setHeader("HX-Redirect", req.getContextPath() + "/login");
            res.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        } else {
            res.sendRedirect(req.getContextPath() + "/login");
        }
    }
}
