package org.anquan.directory.enterprises;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.anquan.IntegrationTest;
import org.anquan.platform.security.DataScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class EnterpriseSearchTests {

    @Autowired EnterpriseQueries queries;
    @Autowired EnterpriseSearchIndex searchIndex;
    @Autowired JdbcClient jdbc;

    long scanCount(String text) {
        String like = "%" + text.toLowerCase(Locale.ROOT) + "%";
        return jdbc.sql("SELECT COUNT(*) FROM enterprise WHERE LOWER(name) LIKE :t OR LOWER(address) LIKE :t")
                .param("t", like).query(Long.class).single();
    }

    @ParameterizedTest(name = "\"{0}\" finds what a full scan finds")
    @ValueSource(strings = {"化工", "华兴", "平安城关街道", "号", "有限公司", "1", "12", "清河北关镇1", "不存在的企业名", "煤矿"})
    void theIndexedSearchFindsExactlyWhatAScanFinds(String text) {
        var page = queries.page(new EnterpriseFilter(null, null, null, text, null), DataScope.CITY, 1, 200, Locale.ROOT);
        assertThat(page.total()).isEqualTo(scanCount(text));
        assertThat(page.items()).allSatisfy(r -> assertThat((r.name() + " " + r.address()).toLowerCase(Locale.ROOT)).contains(text));
    }

    @Test
    void theNarrowestTwoBigramsDecideHowTheListIsNarrowed() {
        // the tests cap the id list at 50 enterprises; the demo city has 360, all 有限公司 or similar
        assertThat(searchIndex.plan("不存在的企业名")).isInstanceOf(EnterpriseSearchIndex.Nothing.class);
        assertThat(searchIndex.plan("号")).isInstanceOf(EnterpriseSearchIndex.Scan.class);
        String rare = jdbc.sql("SELECT term FROM enterprise_term GROUP BY term HAVING COUNT(*) BETWEEN 2 AND 50 ORDER BY term LIMIT 1")
                .query(String.class).single();
        var ids = (EnterpriseSearchIndex.Ids) searchIndex.plan(rare);
        assertThat(ids.ids()).hasSize(jdbc.sql("SELECT COUNT(*) FROM enterprise_term WHERE term = :t").param("t", rare)
                .query(Long.class).single().intValue());
        String common = jdbc.sql("SELECT term FROM enterprise_term GROUP BY term HAVING COUNT(*) > 60 ORDER BY COUNT(*) DESC, term LIMIT 1")
                .query(String.class).single();
        assertThat(searchIndex.plan(common)).isEqualTo(new EnterpriseSearchIndex.Candidates(List.of(common)));
    }

    @Test
    void likeWildcardsInTheQueryAreTakenLiterally() {
        var page = queries.page(new EnterpriseFilter(null, null, null, "%_", null), DataScope.CITY, 1, 20, Locale.ROOT);
        assertThat(page.total()).isZero();
    }

    @Test
    void aValidCreditCodeFindsItsEnterprise() {
        String code = jdbc.sql("SELECT credit_code FROM enterprise ORDER BY id LIMIT 1").query(String.class).single();
        var page = queries.page(new EnterpriseFilter(null, null, null, code.toLowerCase(Locale.ROOT), null), DataScope.CITY, 1, 20, Locale.ROOT);
        assertThat(page.items()).extracting(EnterpriseRow::creditCode).containsExactly(code);
    }

    @Test
    void bigramsSkipWhiteSpaceAndCountCodePoints() {
        assertThat(EnterpriseSearchIndex.bigrams("化工 公司")).containsExactly("化工", "公司");
        assertThat(EnterpriseSearchIndex.bigrams("𠀀𠀁x")).containsExactly("𠀀𠀁", "𠀁x");
        assertThat(EnterpriseSearchIndex.bigrams("x")).isEmpty();
    }
}
