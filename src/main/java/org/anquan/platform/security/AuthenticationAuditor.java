package org.anquan.platform.security;

import org.anquan.platform.audit.AuditTrail;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Writes logins, failed logins and lockouts to the audit trail and keeps the failure count. */
@Component
class AuthenticationAuditor {

    private final Accounts accounts;
    private final AuditTrail audit;

    AuthenticationAuditor(Accounts accounts, AuditTrail audit) {
        this.accounts = accounts;
        this.audit = audit;
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        accounts.recordSuccess(name);
        audit.recordAlone(name, "LOGIN", "account", null, null);
    }

    @EventListener
    void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String name = safeName(event.getAuthentication().getName());
        accounts.recordFailure(name);
        audit.recordAlone(name, "LOGIN_FAILED", "account", null, "bad credentials");
    }

    @EventListener
    void onLocked(AuthenticationFailureLockedEvent event) {
        audit.recordAlone(safeName(event.getAuthentication().getName()), "LOGIN_LOCKED", "account", null, "account locked");
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
