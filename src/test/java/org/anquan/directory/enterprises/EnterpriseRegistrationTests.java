package org.anquan.directory.enterprises;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EnterpriseRegistrationTests {

    @Autowired Enterprises enterprises;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    /** One base per run, then one apart, so no two codes of a run meet. */

    static final int BASE = (int) (System.nanoTime() % 90_000_000);

    static int serial = 0;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    long township(String countyName) {
        return jdbc.sql("SELECT t.id FROM region t JOIN region c ON c.id = t.parent_id WHERE c.name = :n ORDER BY t.code LIMIT 1")
                .param("n", countyName).query(Long.class).single();
    }

    static String freshCode() {
        String body = String.format("%08d", (BASE + ++serial) % 100_000_000);
        String first17 = "91990102" + body + CreditCode.organisationCheckChar(body);
        return first17 + CreditCode.checkChar(first17);
    }

    EnterpriseInput input(String code, long region, String industry, EnterpriseStatus status, Double lon, Double lat) {
        return new EnterpriseInput("测试化工有限公司", code, industry, region, "测试路1号", lon, lat, EnterpriseScale.SMALL, status,
                "王强", "13900000000", "李敏", "13900000001",
                List.of(new EnterpriseInput.LicenceInput("危险化学品经营许可证", "TEST-001", "示例市应急管理局", LocalDate.of(2028, 1, 1))), null);
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
    }

    @Test
    void aValidEnterpriseIsRegisteredWithItsLicenceAndAudited() {
        String code = freshCode();
        var saved = enterprises.create(input(code, township("平安区"), "HAZ_CHEM", EnterpriseStatus.OPERATING, 118.01, 30.01), user("admin"));
        assertThat(saved.warningKeys()).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM licence WHERE enterprise_id = :id").param("id", saved.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'CREATE' AND entity_type = 'enterprise' AND entity_id = :id")
                .param("id", String.valueOf(saved.id())).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anInvalidCreditCodeIsRefusedWithTheReasonAndNothingIsStored() {
        long before = count();
        String good = freshCode();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> enterprises.create(input(badCheck, township("平安区"), "HAZ_CHEM", EnterpriseStatus.OPERATING, null, null), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("creditCode", "creditCode.invalid.CHECK_DIGIT"));
        // a right check character on an impossible structure: eighteen zeros
        assertThatThrownBy(() -> enterprises.create(input("000000000000000000", township("平安区"), "HAZ_CHEM", EnterpriseStatus.OPERATING,
                null, null), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("creditCode", "creditCode.invalid.AUTHORITY"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aDuplicateCreditCodeIsRefused() {
        String code = freshCode();
        enterprises.create(input(code, township("平安区"), "HAZ_CHEM", EnterpriseStatus.OPERATING, null, null), user("admin"));
        long before = count();
        assertThatThrownBy(() -> enterprises.create(input(code, township("清河县"), "GAS", EnterpriseStatus.OPERATING, null, null), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("creditCode", "creditCode.duplicate"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aLocationOutsideTheRegionIsSavedWithAWarning() {
        // a point in 南湖县, registered in a township of 平安区
        var saved = enterprises.create(input(freshCode(), township("平安区"), "HAZ_CHEM", EnterpriseStatus.OPERATING, 118.45, 30.2), user("admin"));
        assertThat(saved.warningKeys()).containsExactly("enterprise.location.outside");
        assertThat(jdbc.sql("SELECT outside_region FROM enterprise WHERE id = :id").param("id", saved.id()).query(Boolean.class).single()).isTrue();
    }

    @Test
    void aMineNeedsAMineStatusAndAllFourStayListed() {
        assertThatThrownBy(() -> enterprises.create(input(freshCode(), township("东山县"), "COAL_MINE", EnterpriseStatus.OPERATING, null, null), user("admin")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("status", "enterprise.status.mine.required"));
        var statuses = jdbc.sql("SELECT DISTINCT status FROM enterprise WHERE industry_code IN ('COAL_MINE', 'NON_COAL_MINE')")
                .query(String.class).list();
        assertThat(statuses).containsExactlyInAnyOrder("MINE_PRODUCING", "MINE_UNDER_CONSTRUCTION", "MINE_TECH_RENOVATION", "MINE_CLOSED");
    }

    @Test
    void aCountyOfficerCannotRegisterInAnotherCounty() {
        assertThatThrownBy(() -> enterprises.create(input(freshCode(), township("南湖县"), "HAZ_CHEM", EnterpriseStatus.OPERATING, null, null), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsEntry("regionId", "enterprise.outside.scope"));
    }

    @Test
    void aStaleEditIsAConflictAndTheFirstEditIsKept() {
        var saved = enterprises.create(input(freshCode(), township("平安区"), "HAZ_CHEM", EnterpriseStatus.OPERATING, null, null), user("admin"));
        EnterpriseInput loaded = EnterpriseInput.of(enterprises.get(saved.id(), user("admin")));
        EnterpriseInput first = new EnterpriseInput("第一次修改", loaded.creditCode(), loaded.industryCode(), loaded.regionId(),
                loaded.address(), null, null, loaded.scale(), loaded.status(), null, null, null, null, loaded.licences(), loaded.version());
        EnterpriseInput second = new EnterpriseInput("第二次修改", loaded.creditCode(), loaded.industryCode(), loaded.regionId(),
                loaded.address(), null, null, loaded.scale(), loaded.status(), null, null, null, null, loaded.licences(), loaded.version());
        enterprises.update(saved.id(), first, user("admin"));
        assertThatThrownBy(() -> enterprises.update(saved.id(), second, user("admin"))).isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(enterprises.get(saved.id(), user("admin")).getName()).isEqualTo("第一次修改");
    }
}
