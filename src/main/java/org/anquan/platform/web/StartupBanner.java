package org.anquan.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where the application listens and, on the demo city, the demo accounts. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        int port = event.getApplicationContext() instanceof WebServerApplicationContext w && w.getWebServer() != null
                ? w.getWebServer().getPort() : env.getProperty("server.port", Integer.class, 8080);
        StringBuilder sb = new StringBuilder("\n\n  Anquan is ready: http://localhost:").append(port).append("/\n");
        if (env.getProperty("anquan.demo.enabled", Boolean.class, false)) {
            sb.append("  Demo city 示例市 — every account's password is ").append(env.getProperty("anquan.demo.password", "Anquan@2026"))
                    .append("\n  admin (city office admin), county (county officer, 平安区), dept (department officer, 应急管理局),\n")
                    .append("  enterprise (enterprise user), duty (duty officer), leader (leader, read-only), discipline (discipline inspection)\n");
        }
        log.info(sb.toString());
    }
}
