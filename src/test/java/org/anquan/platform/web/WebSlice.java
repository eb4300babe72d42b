package org.anquan.platform.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.mockito.Mockito;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a web slice of any module needs besides its controller and mocked domain: the message files,
 * the city clock fixed at 2026-11-28 10:00, and the shell's refusal auditing (a mock: a slice has no
 * audit trail). Import it with {@code @Import(WebSlice.class)}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(Messages.class)
public class WebSlice {

    @Bean
    Clock clock() {
        return Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }

    @Bean
    ScopeDenials scopeDenials() {
        return Mockito.mock(ScopeDenials.class);
    }
}
