package org.anquan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer aq_...} requests as the token's account, without a session. A
 * bearer key of another kind (a weigh-in-motion station's) passes on unauthenticated: only the endpoint that
 * issued it accepts it, every other one answers 401.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Accounts accounts;
    private final ApiProblems problems;

    ApiTokenAuthenticationFilter(ApiTokens tokens, Accounts accounts, ApiProblems problems) {
        this.problems = problems;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader(HttpHeaders.AUTHORIZATION);
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!hasBearer(request)) {
            chain.doFilter(request, response);
            return;
        }
        String token = request.getHeader(HttpHeaders.AUTHORIZATION).substring(7).trim();
        if (!token.startsWith(ApiTokens.PREFIX) && token.matches("[a-z]{2,5}_[A-Za-z0-9_-]{20,100}")) {
            chain.doFilter(request, response);
            return;
        }
        Long accountId = tokens.authenticate(token);
        AccountUser user = accountId == null ? null : accounts.loadPrincipal(accountId);
        if (user == null || !user.isEnabled() || !user.isAccountNonLocked()) {
            problems.write(request, response, HttpStatus.UNAUTHORIZED, "token.invalid", "error.401");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        SecurityContextHolder.getContext().setAuthentication(auth);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
