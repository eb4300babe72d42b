package org.anquan.directory.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads 示例市 on the first start of the embedded default ({@code anquan.demo.enabled=true}). */
@Component
@Order(10)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoCityLoader implements ApplicationRunner {

    private final DemoCity city;
    private final DemoProperties properties;

    DemoCityLoader(DemoCity city, DemoProperties properties) {
        this.city = city;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!city.loaded()) {
            city.load(properties.enterprisesPerCounty());
        }
    }
}
