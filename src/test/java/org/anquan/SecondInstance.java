package org.anquan;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another instance of the application on the test database that the test context already set up,
 * as a second node behind a balancer: it neither empties the database nor loads the demo city.
 */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it on a free port; settings as {@code name=value}, which win over the test profiles'. */
    public static SecondInstance start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--anquan.test.clean-database=false",
                "--anquan.demo.enabled=false"));
        for (String s : settings) {
            args.add("--" + s);
        }
        return new SecondInstance(new SpringApplicationBuilder(AnquanApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
