package org.anquan.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** An account whose password was set by someone else goes to the change-password page first. */
class MustChangePasswordFilter extends OncePerRequestFilter {

    static final String PAGE = "/account/password";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof AccountUser u && u.mustChangePassword()
                && !path.equals(PAGE) && !path.equals("/logout") && !path.startsWith("/webjars/")
                && !path.startsWith("/css/") && !path.startsWith("/js/") && !path.startsWith("/error")) {
            if (path.startsWith("/api/")) {
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "password change required");
            } else {
                response.sendRedirect(request.getContextPath() + PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
