package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.WebTestSupport;
import org.anquan.platform.security.AccountForm;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.Role;
import org.anquan.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

@IntegrationTest
class LoginSecurityTests {

    static final String PASSWORD = "Correct#Horse9";

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    void createAccount(String username) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new AccountForm(username, "测试用户", null, Role.LEADER, null, null, null, PASSWORD, true, null), false);
        }
    }

    String login(String username, String password) throws Exception {
        MvcResult r = mvc.perform(formLogin().user(username).password(password)).andReturn();
        return r.getResponse().getRedirectedUrl();
    }

    long audited(String actor, String action) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE actor = :a AND action = :x").param("a", actor).param("x", action)
                .query(Long.class).single();
    }

    @Test
    void aCorrectLoginSucceedsAndIsAudited() throws Exception {
        createAccount("login-ok");
        assertThat(login("login-ok", PASSWORD)).isEqualTo("/");
        assertThat(audited("login-ok", "LOGIN")).isEqualTo(1);
    }

    static MockHttpServletRequestBuilder signIn(String address, String username,
                                                                                           String password) {
        return MockMvcRequestBuilders.post("/login")
                .param("username", username).param("password", password)
                .with(SecurityMockMvcRequestPostProcessors.csrf())
                .with(request -> {
                    request.setRemoteAddr(address);
                    return request;
                });
    }

    /** A sign-in from a given address. */
    String loginFrom(String address, String username, String password) throws Exception {
        MvcResult r = mvc.perform(signIn(address, username, password)).andReturn();
        return r.getResponse().getRedirectedUrl() != null ? r.getResponse().getRedirectedUrl() : r.getResponse().getHeader("Location");
    }

    @Test
    void repeatedFailuresSlowDownThatAddressOnlyAndTheOwnerStillSignsInFromElsewhere() throws Exception {
        createAccount("login-slow");
        for (int i = 0; i < 5; i++) {
            assertThat(loginFrom("198.51.100.20", "login-slow", "wrong-" + i)).isEqualTo("/login?error");
        }
        // from the guessing address even the right password is not checked now
        assertThat(loginFrom("198.51.100.20", "login-slow", PASSWORD)).isEqualTo("/login?throttled");
        // the owner, elsewhere, is not locked out
        assertThat(loginFrom("203.0.113.30", "login-slow", PASSWORD)).isEqualTo("/");
        assertThat(accounts.findByUsername("login-slow").orElseThrow().lockedUntil()).isNull();
        assertThat(audited("login-slow", "LOGIN_FAILED")).isEqualTo(5);
    }

    @Test
    void anUnknownUserNameIsAnsweredExactlyLikeAKnownOne() throws Exception {
        createAccount("login-known");
        List<String> known = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            known.add(loginFrom("198.51.100.21", "login-known", "wrong-" + i));
            unknown.add(loginFrom("198.51.100.21", "login-nobody-" + "x", "wrong-" + i));
        }
        assertThat(unknown).isEqualTo(known).contains("/login?throttled");
    }

    @Test
    void aThrottledClientAskingForJsonGets429WithRetryAfter() throws Exception {
        createAccount("login-json");
        for (int i = 0; i < 5; i++) {
            loginFrom("198.51.100.22", "login-json", "wrong-" + i);
        }
        var r = mvc.perform(signIn("198.51.100.22", "login-json", PASSWORD).accept(MediaType.APPLICATION_JSON))
                .andReturn().getResponse();
        assertThat(r.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(r.getHeader("Retry-After"))).isBetween(1L, 60L);
        assertThat(r.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"login.throttled\"");
    }

    @Test
    void guessesOfTheOldPasswordWhenChangingItCountToo() {
        createAccount("login-change");
        long id = accounts.findByUsername("login-change").orElseThrow().id();
        for (int i = 0; i < 5; i++) {
            int n = i;
            assertThatThrownBy(() -> accounts.changeOwnPassword(id, "wrong-" + n, "Another#Horse10", "198.51.100.23"))
                    .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("password.old.wrong"));
        }
        assertThatThrownBy(() -> accounts.changeOwnPassword(id, PASSWORD, "Another#Horse10", "198.51.100.23"))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("login.throttled.minutes"));
        // the same address may not sign in either
        assertThat(jdbc.sql("SELECT COUNT(*) FROM login_throttle WHERE user_key = 'login-change' AND blocked_until IS NOT NULL")
                .query(Long.class).single()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin' OR '1'='1", "admin'--", "<script>alert(1)</script>", "\" onmouseover=\"x",
            "x'; DROP TABLE user_account; --"})
    void loginStringsWithSqlOrHtmlAreJustWrongCredentials(String hostile) throws Exception {
        assertThat(login(hostile, hostile)).isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single()).isPositive();
        String audit = mvc.perform(MockMvcRequestBuilders.get("/admin/audit")
                        .param("action", "LOGIN_FAILED")
                        .with(WebTestSupport.as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(audit).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void anOverlongUserNameIsRefusedWithoutError() throws Exception {
        assertThat(login("a".repeat(5000), "whatever")).isEqualTo("/login?error");
    }

    @Test
    void aWeakPasswordIsRefusedWhenCreatingAnAccount() {
        assertThatThrownBy(() -> accounts.create(new AccountForm("weakling", "弱密码", null, Role.LEADER, null, null, null,
                "password12", true, null), false)).isInstanceOf(BusinessException.class).hasMessage("password.policy");
        assertThat(accounts.findByUsername("weakling")).isEmpty();
    }

    @Test
    void aCountyOfficerAccountNeedsItsCounty() {
        assertThatThrownBy(() -> accounts.create(new AccountForm("no-county", "无县区", null, Role.COUNTY_OFFICER, null, null, null,
                PASSWORD, true, null), false)).isInstanceOf(BusinessException.class).hasMessage("account.scope.region");
    }

    @Test
    void anAdministratorSetPasswordMustBeChangedFirst() throws Exception {
        createAccount("must-change");
        long id = accounts.findByUsername("must-change").orElseThrow().id();
        accounts.resetPassword(id, "Temporary#2026");
        // sessions live in the shared store: the browser carries only its cookie
        var session = mvc.perform(formLogin().user("must-change").password("Temporary#2026")).andReturn().getResponse()
                .getCookie("SESSION");
        MvcResult home = mvc.perform(MockMvcRequestBuilders.get("/")
                .cookie(session)).andReturn();
        assertThat(home.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
    }
}
