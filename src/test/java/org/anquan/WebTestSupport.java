package org.anquan;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import java.util.Map;
import org.anquan.platform.security.AccountUser;
import org.anquan.platform.security.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Acting as one of the demo city's accounts in MockMvc requests. */
public final class WebTestSupport {

    /** Demo accounts by role, as the README lists them. */
    public static final Map<String, String> DEMO_USERS = Map.of(
            "CITY_ADMIN", "admin", "COUNTY_OFFICER", "county", "DEPT_OFFICER", "dept", "ENTERPRISE_USER", "enterprise",
            "DUTY_OFFICER", "duty", "LEADER", "leader", "DISCIPLINE", "discipline");

    private WebTestSupport() {
    }

    public static RequestPostProcessor as(Accounts accounts, String username) {
        AccountUser user = accounts.principalOf(accounts.findByUsername(username).orElseThrow().id());
        return authentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }
}
