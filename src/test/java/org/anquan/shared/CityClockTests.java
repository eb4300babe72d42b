package org.anquan.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.*;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CityClockTests {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ClockConfiguration.class);

    @Test
    void theClockRunsInTheConfiguredCityZone() {
        context.withPropertyValues("anquan.time-zone=Asia/Urumqi")
                .run(c -> assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Urumqi")));
    }

    @Test
    void theCityIsShanghaiUnlessConfigured() {
        context.run(c -> assertThat(c.getBean(Clock.class).getZone()).isEqualTo(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    void aTimeZoneThatDoesNotExistStopsTheStartAndNamesTheSetting() {
        context.withPropertyValues("anquan.time-zone=Asia/Atlantis").run(c -> {
            assertThat(c).hasFailed();
            assertThat(c.getStartupFailure()).rootCause().isInstanceOf(DateTimeException.class);
            assertThat(c.getStartupFailure()).hasStackTraceContaining("anquan.time-zone")
                    .hasStackTraceContaining("Asia/Atlantis");
        });
    }

    @Test
    void dayBoundsAreTheCitysMidnightsWhateverTheJvmZone() {
        // 2026-11-28 17:30 UTC is already 29 November in the city
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T17:30:00Z"), ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.now(clock)).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(CityTime.startOf(LocalDate.of(2026, 11, 29), clock).toInstant())
                .isEqualTo(Instant.parse("2026-11-28T16:00:00Z"));
        assertThat(CityTime.endOf(LocalDate.of(2026, 11, 29), clock).toInstant())
                .isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        assertThat(CityTime.dayOf(OffsetDateTime.parse("2026-11-28T16:00:00Z"), clock))
                .isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(CityTime.dayOf(OffsetDateTime.parse("2026-11-28T15:59:59Z"), clock))
                .isEqualTo(LocalDate.of(2026, 11, 28));
    }

    /** Anything that reads the JVM's zone or names a fixed offset would make the city's day the server's. */
    private static final List<Pattern> FORBIDDEN = List.of(
            Pattern.compile("ZoneOffset\\.of(Hours|HoursMinutes|HoursMinutesSeconds|TotalSeconds)?\\("),
            Pattern.compile("systemDefaultZone\\(\\)"),
            Pattern.compile("ZoneId\\.systemDefault\\(\\)"),
            Pattern.compile("TimeZone\\.getDefault\\(\\)"),
            Pattern.compile("\\b(LocalDate|LocalDateTime|LocalTime|OffsetDateTime|ZonedDateTime|YearMonth|Year|Instant)\\.now\\(\\)"),
            Pattern.compile("[+-]0[0-9]:00['\"]"),
            Pattern.compile("\"Asia/"));

    /** Tests may fix a clock in a named zone, but never take "today" from the JVM or the database session. */
    private static final List<Pattern> FORBIDDEN_IN_TESTS = List.of(FORBIDDEN.get(1), FORBIDDEN.get(2), FORBIDDEN.get(3),
            FORBIDDEN.get(4), Pattern.compile("\\bCURRENT_DATE\\b"));

    @Test
    void noCodeOutsideTheClockConfigurationReadsTheServerZoneOrNamesAnOffset() throws IOException {
        assertThat(offenders(Path.of("src/main/java"), FORBIDDEN)).as("time must come from the injected city clock").isEmpty();
    }

    @Test
    void noTestTakesTodayFromTheJvmOrTheDatabaseSession() throws IOException {
        assertThat(offenders(Path.of("src/test/java"), FORBIDDEN_IN_TESTS)).as("tests must pass in any JVM zone").isEmpty();
    }

    private static List<String> offenders(Path root, List<Pattern> forbidden) throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith("ClockConfiguration.java") || f.endsWith("CityClockTests.java")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    for (Pattern p : forbidden) {
                        if (p.matcher(lines.get(i)).find()) {
                            offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                        }
                    }
                }
            }
        }
        return offenders;
    }
}
