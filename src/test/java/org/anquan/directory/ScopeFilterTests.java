package org.anquan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.anquan.IntegrationTest;
import org.anquan.directory.ScopeFilter.Columns;
import org.anquan.directory.ScopeFilter.Mode;
import org.anquan.directory.ScopeFilter.Subject;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.DataScope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scope table: for each kind of scope, which records it reads and which it acts on, written
 * out case by case; and the SQL the filter renders agreeing with its Java twin on every record.
 */
@IntegrationTest
class ScopeFilterTests {

    static final Columns ALL_COLUMNS = Columns.of().county("x.county").department("x.department").industry("x.industry")
            .enterprise("x.enterprise");

    @Autowired ScopeFilter filter;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;

    long county;
    long otherCounty;
    long department;
    long otherDepartment;
    String led;
    String coSupervised;
    String unrelated;
    long enterprise;
    long otherEnterprise;
    String enterpriseIndustry;

    @BeforeEach
    void demoCityUnits() {
        county = accounts.findByUsername("county").orElseThrow().regionId();
        otherCounty = jdbc.sql("SELECT MIN(id) FROM region WHERE region_level = 'COUNTY' AND id <> :c").param("c", county)
                .query(Long.class).single();
        department = accounts.findByUsername("dept").orElseThrow().departmentId();
        otherDepartment = jdbc.sql("SELECT MIN(id) FROM department WHERE id <> :d").param("d", department).query(Long.class).single();
        led = jdbc.sql("SELECT MIN(industry_code) FROM responsibility WHERE department_id = :d AND lead = TRUE")
                .param("d", department).query(String.class).single();
        // an industry the department co-supervises, giving it a co-supervisor role if the demo city has none
        coSupervised = jdbc.sql("SELECT MIN(industry_code) FROM responsibility WHERE department_id = :d AND lead = FALSE")
                .param("d", department).query(String.class).optional().orElse(null);
        if (coSupervised == null) {
            coSupervised = jdbc.sql("SELECT MIN(industry_code) FROM responsibility WHERE industry_code NOT IN "
                    + "(SELECT industry_code FROM responsibility WHERE department_id = :d)").param("d", department)
                    .query(String.class).single();
            jdbc.sql("INSERT INTO responsibility (industry_code, department_id, lead) VALUES (:i, :d, FALSE)")
                    .param("i", coSupervised).param("d", department).update();
        }
        unrelated = jdbc.sql("SELECT MIN(code) FROM industry WHERE code NOT IN "
                + "(SELECT industry_code FROM responsibility WHERE department_id = :d)").param("d", department)
                .query(String.class).single();
        enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        otherEnterprise = jdbc.sql("SELECT MIN(id) FROM enterprise WHERE id <> :e").param("e", enterprise).query(Long.class).single();
        enterpriseIndustry = jdbc.sql("SELECT industry_code FROM enterprise WHERE id = :e").param("e", enterprise)
                .query(String.class).single();
    }

    DataScope countyScope() {
        return new DataScope(DataScope.Kind.REGION, county);
    }

    DataScope departmentScope() {
        return new DataScope(DataScope.Kind.DEPARTMENT, department);
    }

    DataScope enterpriseScope() {
        return new DataScope(DataScope.Kind.ENTERPRISE, enterprise);
    }

    @Test
    void theCitySeesEverything() {
        assertThat(sees(DataScope.CITY, new Subject(otherCounty, otherDepartment, unrelated, otherEnterprise), Mode.ACT)).isTrue();
    }

    @Test
    void aCountySeesAndActsOnTheRecordsOfItsCountyOnly() {
        assertThat(sees(countyScope(), new Subject(county, otherDepartment, unrelated, otherEnterprise), Mode.READ)).isTrue();
        assertThat(sees(countyScope(), new Subject(county, otherDepartment, unrelated, otherEnterprise), Mode.ACT)).isTrue();
        assertThat(sees(countyScope(), new Subject(otherCounty, department, led, enterprise), Mode.READ)).isFalse();
    }

    @Test
    void aDepartmentReadsWhatItLeadsOrCoSupervisesAndActsOnWhatIsRoutedToIt() {
        // routed to it
        assertThat(sees(departmentScope(), new Subject(otherCounty, department, unrelated, null), Mode.READ)).isTrue();
        assertThat(sees(departmentScope(), new Subject(otherCounty, department, unrelated, null), Mode.ACT)).isTrue();
        // an industry it co-supervises, routed to the lead department: read, never act
        assertThat(sees(departmentScope(), new Subject(otherCounty, otherDepartment, coSupervised, null), Mode.READ)).isTrue();
        assertThat(sees(departmentScope(), new Subject(otherCounty, otherDepartment, coSupervised, null), Mode.ACT)).isFalse();
        // neither routed to it nor of its industries
        assertThat(sees(departmentScope(), new Subject(county, otherDepartment, unrelated, enterprise), Mode.READ)).isFalse();
    }

    @Test
    void withoutARoutingColumnADepartmentActsOnTheIndustriesItLeads() {
        Columns enterprises = Columns.of().county("x.county").industry("x.industry").enterprise("x.enterprise");
        assertThat(sql(departmentScope(), enterprises, new Subject(county, null, led, otherEnterprise), Mode.ACT)).isTrue();
        assertThat(sql(departmentScope(), enterprises, new Subject(county, null, coSupervised, otherEnterprise), Mode.ACT)).isFalse();
        assertThat(sql(departmentScope(), enterprises, new Subject(county, null, coSupervised, otherEnterprise), Mode.READ)).isTrue();
    }

    @Test
    void anEnterpriseSeesItsOwnRecordsAndWithoutAnEnterpriseColumnThoseOfItsCountyAndIndustry() {
        assertThat(sees(enterpriseScope(), new Subject(otherCounty, otherDepartment, unrelated, enterprise), Mode.READ)).isTrue();
        assertThat(sees(enterpriseScope(), new Subject(county, department, enterpriseIndustry, otherEnterprise), Mode.READ)).isFalse();
        long ownCounty = jdbc.sql("SELECT county_id FROM enterprise WHERE id = :e").param("e", enterprise).query(Long.class).single();
        Columns measures = Columns.of().county("x.county").department("x.department").industry("x.industry");
        assertThat(sql(enterpriseScope(), measures, new Subject(ownCounty, otherDepartment, enterpriseIndustry, null), Mode.READ)).isTrue();
        assertThat(sql(enterpriseScope(), measures, new Subject(ownCounty, otherDepartment, unrelated, null), Mode.READ)).isFalse();
    }

    @Test
    void aQueryThatDoesNotNameTheScopesDimensionSeesNothing() {
        Columns countyOnly = Columns.of().county("x.county");
        assertThat(filter.read(departmentScope(), countyOnly).matchesNothing()).isTrue();
        assertThat(filter.read(enterpriseScope(), countyOnly).matchesNothing()).isTrue();
        assertThat(filter.read(countyScope(), Columns.of().department("x.department")).matchesNothing()).isTrue();
        assertThat(filter.read(DataScope.CITY, countyOnly).sql()).isEqualTo("1 = 1");
    }

    @Test
    void theSqlAndItsJavaTwinAgreeOnEveryRecordForEveryScope() {
        List<String> disagreements = new ArrayList<>();
        List<DataScope> scopes = List.of(DataScope.CITY, countyScope(), departmentScope(), enterpriseScope());
        for (Long c : new Long[] {county, otherCounty}) {
            for (Long d : new Long[] {department, otherDepartment}) {
                for (String i : new String[] {led, coSupervised, unrelated}) {
                    for (Long e : new Long[] {enterprise, otherEnterprise}) {
                        Subject s = new Subject(c, d, i, e);
                        for (DataScope scope : scopes) {
                            for (Mode mode : Mode.values()) {
                                if (sql(scope, ALL_COLUMNS, s, mode) != filter.reaches(scope, s, mode)) {
                                    disagreements.add(scope + " " + mode + " " + s);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** Both forms, asserted equal, then the answer. */
    boolean sees(DataScope scope, Subject s, Mode mode) {
        boolean inSql = sql(scope, ALL_COLUMNS, s, mode);
        assertThat(filter.reaches(scope, s, mode)).as("Java twin of %s %s %s", scope, mode, s).isEqualTo(inSql);
        return inSql;
    }

    boolean sql(DataScope scope, Columns columns, Subject s, Mode mode) {
        ScopeFilter.Predicate p = filter.render(scope, columns, mode);
        return jdbc.sql("SELECT COUNT(*) FROM (SELECT CAST(:c AS BIGINT) AS county, CAST(:d AS BIGINT) AS department, "
                        + "CAST(:i AS VARCHAR(40)) AS industry, CAST(:e AS BIGINT) AS enterprise) x WHERE " + p.sql())
                .param("c", s.county()).param("d", s.department()).param("i", s.industry()).param("e", s.enterprise())
                .params(p.params()).query(Long.class).single() > 0;
    }
}
