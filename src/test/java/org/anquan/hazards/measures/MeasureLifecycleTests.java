package org.anquan.hazards.measures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** The institutional-measures list kept alive: edited, completed, retired, with history (issue 10, item 6). */
@IntegrationTest
class MeasureLifecycleTests {

    @Autowired Measures measures;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    Measures.MeasureRow row(long id) {
        return measures.list(user("admin").scope(), Locale.SIMPLIFIED_CHINESE).stream().filter(m -> m.id() == id).findFirst().orElseThrow();
    }

    @Test
    void aMeasureIsEditedCompletedAndRetiredWithItsHistory() {
        long city = jdbc.sql("SELECT id FROM region WHERE region_level = 'CITY'").query(Long.class).single();
        long dept = jdbc.sql("SELECT MIN(id) FROM department").query(Long.class).single();
        LocalDate today = LocalDate.now(clock);
        long id = measures.create(new Measures.MeasureInput("HAZ_CHEM", null, city, "罐区巡检制度", "每班巡检两次", dept, today.minusDays(10),
                null, "张伟", new BigDecimal("10000"), today.plusDays(60)), user("admin"));
        Measures.MeasureRow created = row(id);
        assertThat(created.state()).isEqualTo("ACTIVE");

        assertThatThrownBy(() -> measures.edit(id, created.version(), new Measures.MeasureChange("罐区巡检制度", "每班巡检三次", " ", null, null),
                user("admin"))).isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("owner"));
        measures.edit(id, created.version(), new Measures.MeasureChange("罐区巡检制度（修订）", "每班巡检三次并拍照留痕", "张伟", new BigDecimal("15000"),
                today.plusDays(90)), user("admin"));
        Measures.MeasureRow edited = row(id);
        assertThat(edited.title()).isEqualTo("罐区巡检制度（修订）");
        assertThat(edited.funds()).isEqualByComparingTo("15000");
        // an edit on the page read before is refused
        assertThatThrownBy(() -> measures.edit(id, created.version(), new Measures.MeasureChange("x", "y", "z", null, null), user("admin")))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThatThrownBy(() -> measures.complete(id, edited.version(), today.plusDays(1), "刘强", user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("completedOn", "measure.completed.future"));
        measures.complete(id, edited.version(), today, "市安委办 刘强", user("admin"));
        Measures.MeasureRow done = row(id);
        assertThat(done.state()).isEqualTo("COMPLETED");
        assertThat(done.acceptedBy()).isEqualTo("市安委办 刘强");
        assertThatThrownBy(() -> measures.edit(id, done.version(), new Measures.MeasureChange("x", "y", "z", null, null), user("admin")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("measure.not.active"));
        assertThatThrownBy(() -> measures.retire(id, done.version(), " ", user("admin"))).isInstanceOf(InvalidInputException.class);
        measures.retire(id, done.version(), "被《危化品罐区管理办法》取代", user("admin"));
        Measures.MeasureRow retired = row(id);
        assertThat(retired.state()).isEqualTo("RETIRED");
        assertThat(retired.history()).extracting(Measures.HistoryLine::action).containsExactly("CREATE", "EDIT", "COMPLETE", "RETIRE");
        // an enterprise user keeps no measures
        assertThatThrownBy(() -> measures.retire(id, retired.version(), "x", user("enterprise"))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aMeasureCannotLinkAnotherCountysHazardNorNameAUnitThatDoesNotExist() {
        long county = accounts.findByUsername("county").orElseThrow().regionId();
        String foreignCode = jdbc.sql("SELECT code FROM hazard WHERE county_id <> :c ORDER BY id LIMIT 1").param("c", county)
                .query(String.class).single();
        long dept = jdbc.sql("SELECT MIN(id) FROM department").query(Long.class).single();
        long before = jdbc.sql("SELECT COUNT(*) FROM measure").query(Long.class).single();
        assertThatThrownBy(() -> measures.create(new Measures.MeasureInput("HAZ_CHEM", null, county, "制度", "内容", dept,
                LocalDate.now(clock), foreignCode, "李娜", null, null), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("hazardCodes", "measure.hazard.unknown"));
        assertThatThrownBy(() -> measures.create(new Measures.MeasureInput("HAZ_CHEM", null, county, "制度", "内容", 987654321L,
                LocalDate.now(clock), null, "李娜", null, null), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("departmentId", "measure.department.unknown"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM measure").query(Long.class).single()).isEqualTo(before);
    }
}
