package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.anquan.IntegrationTest;
import org.anquan.platform.security.AccountForm;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.Role;
import org.anquan.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        createAccount("login-lock");
        for (int i = 0; i < 4; i++) {
            assertThat(login("login-lock", "wrong-" + i)).isEqualTo("/login?error");
        }
        assertThat(login("login-lock", "wrong-5")).isEqualTo("/login?error");
        assertThat(login("login-lock", PASSWORD)).isEqualTo("/login?locked");
        assertThat(audited("login-lock", "LOGIN_FAILED")).isEqualTo(5);
        assertThat(audited("login-lock", "LOGIN_LOCKED")).isEqualTo(1);
        assertThat(accounts.findByUsername("login-lock").orElseThrow().lockedUntil()).isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin' OR '1'='1", "admin'--", "<script>alert(1)</script>", "\" onmouseover=\"x",
            "x'; DROP TABLE user_account; --"})
    void loginStringsWithSqlOrHtmlAreJustWrongCredentials(String hostile) throws Exception {
        assertThat(login(hostile, hostile)).isEqualTo("/login?error");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM user_account").query(Long.class).single()).isPositive();
        String audit = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/admin/audit")
                        .param("action", "LOGIN_FAILED")
                        .with(org.anquan.WebTestSupport.as(accounts, "admin")))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
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
        MvcResult home = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/")
                .cookie(session)).andReturn();
        assertThat(home.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
    }
}
