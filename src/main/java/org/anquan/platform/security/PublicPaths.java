package org.anquan.platform.security;

import java.util.List;

/**
 * Paths a module serves to people without an account (a citizen's phone, another application),
 * declared by the module as a bean: the security configuration opens them and nothing else.
 * Forms among them keep their CSRF check; {@link #withoutSession()} lists the machine endpoints
 * that authenticate each call themselves (an API key, never a cookie), which neither carry a
 * CSRF token nor get a session.
 */
public interface PublicPaths {

    /** Path patterns anyone may call. */
    List<String> open();

    /** Among them, the endpoints that authenticate each call with a key of their own. */
    List<String> withoutSession();
}
