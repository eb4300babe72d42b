package org.anquan.platform.security;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every live session of an account, on every instance (sessions live in the shared store):
 * after its role, scope or enabled state changes, or its password is reset, the next request of
 * any of its browsers starts from the login. API tokens need nothing: they load the account anew
 * on every request.
 */
@Component
class AccountSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    AccountSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** How many sessions were ended. */
    int endAll(String username) {
        var live = sessions.findByPrincipalName(username).keySet();
        live.forEach(sessions::deleteById);
        return live.size();
    }
}
