package org.anquan.platform.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * On a production database with no accounts, creates the first administrator from
 * {@code ANQUAN_ADMIN_USERNAME} / {@code ANQUAN_ADMIN_PASSWORD}; that password must be changed at
 * first login.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final Accounts accounts;
    private final Environment env;

    AdminBootstrap(Accounts accounts, Environment env) {
        this.accounts = accounts;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (env.getProperty("anquan.demo.enabled", Boolean.class, false) || accounts.count() > 0) {
            return;
        }
        String username = env.getProperty("ANQUAN_ADMIN_USERNAME");
        String password = env.getProperty("ANQUAN_ADMIN_PASSWORD");
        if (username == null || password == null) {
            log.warn("No accounts exist. Set ANQUAN_ADMIN_USERNAME and ANQUAN_ADMIN_PASSWORD to create the first administrator.");
            return;
        }
        accounts.create(new AccountForm(username, username, null, Role.CITY_ADMIN, null, null, null, password, true, null), true);
        log.info("Created the first administrator '{}'; the password must be changed at first login.", username);
    }
}
