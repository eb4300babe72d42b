package org.anquan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-in attempts answered without checking the password: too many from one address in a minute,
 * or a user name and address pair that must still wait after repeated failures (see
 * {@link LoginThrottle}). A browser is sent back to the sign-in page that says so; a client that
 * asks for JSON gets 429 problem details. Both carry Retry-After.
 */
class LoginRateLimitFilter extends OncePerRequestFilter {

    private final LoginRateLimiter limiter;
    private final LoginThrottle throttle;
    private final ApiProblems problems;

    LoginRateLimitFilter(LoginRateLimiter limiter, LoginThrottle throttle, ApiProblems problems) {
        this.limiter = limiter;
        this.throttle = throttle;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String client = request.getRemoteAddr();
        Optional<Duration> wait = limiter.tryAcquire(client) ? throttle.waitFor(request.getParameter("username"), client)
                : Optional.of(Duration.ofMinutes(1));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        response.setHeader("Retry-After", String.valueOf(seconds));
        String accept = request.getHeader("Accept");
        if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "login.throttled", "login.throttled");
        } else {
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + "/login?throttled");
        }
    }
}
