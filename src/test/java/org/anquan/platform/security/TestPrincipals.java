package org.anquan.platform.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** A signed-in person of a role for web slices, which have no accounts table to read one from. */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    /** The user of that role; a county officer of region 1, a department officer of department 1, an enterprise user of enterprise 1. */
    public static CurrentUser user(Role role) {
        return new CurrentUser(1L, role.name().toLowerCase(), role.name(), role, 1L, 1L, 1L);
    }

    public static RequestPostProcessor as(Role role) {
        AccountUser principal = new AccountUser(user(role), "", true, false, false);
        return authentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }
}
