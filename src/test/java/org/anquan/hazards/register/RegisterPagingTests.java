package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.DataScope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The windowed page search gives exactly the pages a plain ORDER BY id DESC would. */
@IntegrationTest
class RegisterPagingTests {

    @Autowired Clock clock;

    @Autowired HazardQueries queries;
    @Autowired JdbcClient jdbc;

    @ParameterizedTest(name = "status {0}, grade {1}, page {2} of size {3}")
    @CsvSource(nullValues = "-", value = {"-, -, 1, 20", "-, -, 3, 20", "CLOSED, -, 1, 20", "CLOSED, GENERAL, 2, 10",
            "RECTIFYING, MAJOR, 1, 20", "SUBMITTED, -, 1, 200", "-, -, 99, 20", "REJECTED, MAJOR, 1, 20"})
    void pagesAreThoseOfAPlainSort(HazardStatus status, HazardGrade grade, int page, int size) {
        var result = queries.page(new HazardFilter(null, null, status, grade, null, null, null, null), DataScope.CITY,
                LocalDate.now(clock), page, size, Locale.ROOT);
        List<Long> expected = jdbc.sql("SELECT id FROM hazard WHERE (CAST(:s AS VARCHAR) IS NULL OR status = :s) "
                        + "AND (CAST(:g AS VARCHAR) IS NULL OR grade = :g) ORDER BY id DESC LIMIT :l OFFSET :o")
                .param("s", status == null ? null : status.name()).param("g", grade == null ? null : grade.name())
                .param("l", size).param("o", (long) (page - 1) * size).query(Long.class).list();
        assertThat(result.items()).extracting(HazardRow::id).containsExactlyElementsOf(expected);
    }
}
