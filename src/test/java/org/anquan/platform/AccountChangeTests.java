package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.anquan.HttpBrowser;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Account;
import org.anquan.platform.security.AccountForm;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A change to what an account may do or see ends its live sessions at once. */
@IntegrationTest
class AccountChangeTests {

    static final String PASSWORD = "Correct#Horse9";

    @LocalServerPort int port;
    @Autowired Accounts accounts;

    Account account(String username) {
        if (accounts.findByUsername(username).isEmpty()) {
            accounts.create(new AccountForm(username, "会话测试", null, Role.LEADER, null, null, null, PASSWORD, true, null), false);
        }
        return accounts.findByUsername(username).orElseThrow();
    }

    HttpBrowser loggedIn(String username) {
        HttpBrowser browser = new HttpBrowser(port);
        assertThat(HttpBrowser.location(browser.logIn(username, PASSWORD))).doesNotContain("error");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
        return browser;
    }

    AccountForm form(Account a, Role role, boolean enabled) {
        return new AccountForm(a.username(), a.displayName(), a.phone(), role, a.regionId(), a.departmentId(), a.enterpriseId(),
                null, enabled, a.version());
    }

    @Test
    void changingTheRoleEndsTheAccountsSessions() {
        Account a = account("session-role");
        HttpBrowser browser = loggedIn(a.username());
        accounts.update(a.id(), form(a, Role.DISCIPLINE, true));
        assertThat(HttpBrowser.location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void disablingTheAccountEndsItsSessions() {
        Account a = account("session-disable");
        HttpBrowser browser = loggedIn(a.username());
        accounts.update(a.id(), form(a, a.role(), false));
        assertThat(HttpBrowser.location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void resettingThePasswordEndsItsSessions() {
        Account a = account("session-reset");
        HttpBrowser browser = loggedIn(a.username());
        accounts.resetPassword(a.id(), "Another#Horse10");
        assertThat(HttpBrowser.location(browser.get("/"))).endsWith("/login");
    }

    @Test
    void aChangeOfNameOrPhoneKeepsTheSession() {
        Account a = account("session-keep");
        HttpBrowser browser = loggedIn(a.username());
        accounts.update(a.id(), new AccountForm(a.username(), "改了名字", "13800000000", a.role(), null, null, null, null, true,
                a.version()));
        assertThat(browser.get("/").statusCode()).isEqualTo(200);
    }
}
