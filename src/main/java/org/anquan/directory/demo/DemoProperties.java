package org.anquan.directory.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

@ConfigurationProperties("anquan.demo")
record DemoProperties(boolean enabled, int enterprisesPerCounty) {
    DemoProperties {
        if (enterprisesPerCounty <= 0) {
            enterprisesPerCounty = 72;
        }
    }
}
