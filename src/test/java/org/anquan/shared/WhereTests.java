package org.anquan.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhereTests {

    @Test
    void conditionsWhoseValueWasNotChosenAreLeftOutAndEveryValueIsBound() {
        Where w = Where.of("a.county_id IN (:scope_c)", Map.of("scope_c", List.of(7L)))
                .and("a.grade = :grade", "grade", "MAJOR")
                .and("a.kind_code = :kind", "kind", " ")
                .and("a.enterprise_id = :e", "e", null)
                .and("a.county_id IN (:counties)", "counties", List.of())
                .and("a.occurred_at >= :from AND a.occurred_at < :to", Map.of("from", 1, "to", 2))
                .andIf(false, "a.deaths > 0")
                .andIf(true, "a.visible");
        assertThat(w.sql()).isEqualTo(" WHERE (a.county_id IN (:scope_c)) AND (a.grade = :grade)"
                + " AND (a.occurred_at >= :from AND a.occurred_at < :to) AND (a.visible)");
        assertThat(w.params()).containsOnlyKeys("scope_c", "grade", "from", "to").containsEntry("grade", "MAJOR");
    }

    @Test
    void aScopeOfOrConditionsStaysWholeBeforeTheFiltersAnd() {
        assertThat(Where.of("a.x = 1 OR a.y = 2", Map.of()).and("a.z = 3").andSql()).isEqualTo(" AND (a.x = 1 OR a.y = 2) AND (a.z = 3)");
        assertThat(Where.all().sql()).isEqualTo(" WHERE (1 = 1)");
    }

    @Test
    void oneNameBoundToTwoValuesIsAMistakeOfTheCaller() {
        assertThatThrownBy(() -> Where.all().and("a = :v", "v", 1).and("b = :v", "v", 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
