package org.anquan.platform.security;

import java.util.Optional;
import org.anquan.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Writes sign-ins and failed sign-ins to the audit trail, and counts failures for the throttle. */
@Component
class AuthenticationAuditor {

    private final Accounts accounts;
    private final AuditTrail audit;
    private final LoginThrottle throttle;

    AuthenticationAuditor(Accounts accounts, AuditTrail audit, LoginThrottle throttle) {
        this.throttle = throttle;
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        accounts.recordSuccess(name);
        clientOf(event.getAuthentication()).ifPresent(client -> throttle.succeeded(name, client));
        audit.recordAlone(name, "LOGIN", "account", null, null);
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String name = safeName(event.getAuthentication().getName());
        accounts.recordFailure(name);
        clientOf(event.getAuthentication()).ifPresent(client -> throttle.failed(name, client));
        audit.recordAlone(name, "LOGIN_FAILED", "account", null, "bad credentials");
    }

    /** The address a sign-in came from, as the form login records it (API tokens have none). */
    private static Optional<String> clientOf(Authentication auth) {
        return auth.getDetails() instanceof WebAuthenticationDetails d
                ? Optional.ofNullable(d.getRemoteAddress()) : Optional.empty();
    }

    @EventListener
    void onLogout(LogoutSuccessEvent event) {
        audit.recordAlone(event.getAuthentication().getName(), "LOGOUT", "account", null, null);
    }

    /** Whatever was typed as a user name is recorded as text, cut to the column's width. */
    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "(blank)";
        }
        return name.length() > 64 ? name.substring(0, 64) : name;
    }
}
