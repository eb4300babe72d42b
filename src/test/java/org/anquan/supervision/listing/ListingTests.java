package org.anquan.supervision.listing;

import static org.anquan.WebTestSupport.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.IntegrationTest;
import org.anquan.hazards.register.Hazard;
import org.anquan.hazards.register.HazardGrade;
import org.anquan.hazards.register.HazardReports;
import org.anquan.hazards.register.HazardService;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;

/** 挂牌督办 by decision, its notice, and 摘牌 only after the listing office's on-site acceptance (issue 10, item 2). */
@IntegrationTest
class ListingTests {

    @Autowired MockMvc mvc;
    @Autowired HazardService hazards;
    @Autowired Listings listings;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    CurrentUser user(String name) {
        return accounts.principalOf(accounts.findByUsername(name).orElseThrow().id()).user();
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** A hazard at the demo enterprise, in the county officer's county and the department officer's industry. */
    Hazard report(HazardGrade grade) {
        long enterprise = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        return hazards.report(HazardReports.atEnterprise(enterprise).grade(grade).due(today().plusDays(30)).input(), user("dept"));
    }

    Listings.ListingInput input() {
        return new Listings.ListingInput(today().plusDays(25), "王强", "制定整改方案，落实五到位，每半月报告进展");
    }

    long listingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM supervision_listing").query(Long.class).single();
    }

    static int numberOf(String documentNumber, String prefix) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "〔(\\d{4})〕(\\d+)号").matcher(documentNumber);
        assertThat(m.matches()).as(documentNumber).isTrue();
        return Integer.parseInt(m.group(2));
    }

    @Test
    void aGeneralHazardCannotBeListedAndOnlyAListingOfficeLists() {
        long before = listingCount();
        Hazard general = report(HazardGrade.GENERAL);
        assertThatThrownBy(() -> listings.list(general.getId(), input(), user("admin")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("listing.major.only"));
        Hazard major = report(HazardGrade.MAJOR);
        assertThatThrownBy(() -> listings.list(major.getId(), input(), user("dept"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> listings.list(major.getId(), new Listings.ListingInput(today().minusDays(1), " ", null), user("county")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("deadline", "deadline.past").containsEntry("responsiblePerson", "validation.required")
                        .containsEntry("requirements", "validation.required"));
        assertThat(listingCount()).isEqualTo(before);
    }

    @Test
    void documentNumbersRunPerListingOfficeAndYear() {
        String county = jdbc.sql("SELECT r.name FROM region r JOIN enterprise e ON e.county_id = r.id WHERE e.id = :e")
                .param("e", accounts.findByUsername("enterprise").orElseThrow().enterpriseId()).query(String.class).single();
        Listings.Listing first = listings.get(listings.list(report(HazardGrade.MAJOR).getId(), input(), user("county"))).orElseThrow();
        Listings.Listing second = listings.get(listings.list(report(HazardGrade.MAJOR).getId(), input(), user("county"))).orElseThrow();
        Listings.Listing city = listings.get(listings.list(report(HazardGrade.MAJOR).getId(), input(), user("admin"))).orElseThrow();
        assertThat(first.documentNumber()).contains("〔" + today().getYear() + "〕");
        assertThat(numberOf(second.documentNumber(), county + "安委办挂督")).isEqualTo(numberOf(first.documentNumber(), county + "安委办挂督") + 1);
        // the city office numbers its own documents: its sequence does not follow the county's
        assertThat(city.documentNumber()).startsWith("示安委办挂督〔");
        assertThatThrownBy(() -> listings.list(first.hazardId(), input(), user("admin")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("listing.already"));
    }

    @Test
    void onlyTheListingOfficeAcceptsAndDelistsAndOnlyAfterItsOnSiteAcceptance() throws Exception {
        Hazard h = report(HazardGrade.MAJOR);
        long id = listings.list(h.getId(), input(), user("county"));
        Hazard planned = HazardReports.planned(hazards, h, today().plusDays(20), user("enterprise"));
        Hazard started = hazards.start(h.getId(), planned.getVersion(), user("enterprise"));
        // the rectification's evidence and the enterprise's written application for acceptance
        for (String kind : List.of("EVIDENCE", "APPLICATION")) {
            jdbc.sql("INSERT INTO hazard_evidence (hazard_id, kind, filename, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at) "
                            + "VALUES (:h, :k, 'e.png', 'image/png', 1, 'x', :c, 'enterprise', CURRENT_TIMESTAMP)")
                    .param("h", h.getId()).param("k", kind).param("c", new byte[] {1}).update();
        }
        Hazard submitted = hazards.submit(h.getId(), started.getVersion(), "整改完毕，申请验收", user("enterprise"));

        assertThatThrownBy(() -> listings.delist(id, null, listings.get(id).orElseThrow().version(), user("county")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("listing.delist.acceptance"));
        Hazard.OnSite site = new Hazard.OnSite(today(), "赵刚（执法证 34120020260007）、孙丽", "紧急切断阀联锁恢复，现场测试合格");
        // the supervising department may not accept a hazard the county office listed
        assertThatThrownBy(() -> hazards.accept(h.getId(), submitted.getVersion(), site, null, user("dept")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("listing.accept.office"));
        hazards.accept(h.getId(), submitted.getVersion(), site, "现场验收合格", user("county"));
        assertThatThrownBy(() -> listings.delist(id, null, listings.get(id).orElseThrow().version(), user("admin")))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("listing.not.office"));
        listings.delist(id, "验收合格，予以摘牌", listings.get(id).orElseThrow().version(), user("county"));
        Listings.Listing done = listings.get(id).orElseThrow();
        assertThat(done.delistedOn()).isEqualTo(today());
        assertThat(listings.openListing(h.getId())).isEmpty();

        String page = mvc.perform(get("/public/listed")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(done.documentNumber()).contains("已摘牌");
    }

    @Test
    void thePublicPageShowsOnlyListedMajorHazardsWithTheirDeadlineAndOffice() throws Exception {
        Hazard h = report(HazardGrade.MAJOR);
        Listings.Listing l = listings.get(listings.list(h.getId(), input(), user("admin"))).orElseThrow();
        String page = mvc.perform(get("/public/listed")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(l.documentNumber()).contains("示例市安全生产委员会办公室")
                .contains("整改期限：" + l.deadline());
        int listed = jdbc.sql("SELECT COUNT(*) FROM supervision_listing l JOIN hazard h ON h.id = l.hazard_id WHERE h.grade <> 'MAJOR'")
                .query(Integer.class).single();
        assertThat(listed).isZero();
        // general hazards that climbed the ladder's listed step are not published
        String generalOverdue = jdbc.sql("SELECT MIN(h.code) FROM supervision_step s JOIN hazard h ON h.id = s.hazard_id "
                + "WHERE s.level = 3 AND h.grade = 'GENERAL'").query(String.class).optional().orElse(null);
        if (generalOverdue != null) {
            assertThat(page).doesNotContain(generalOverdue);
        }
    }

    @Test
    void theNoticeIsAnOfficialDocumentWithItsNumberDateAndFonts() throws Exception {
        Hazard h = report(HazardGrade.MAJOR);
        Listings.Listing l = listings.get(listings.list(h.getId(), input(), user("admin"))).orElseThrow();
        byte[] docx = mvc.perform(get("/supervision/listings/" + l.id() + "/notice.docx").with(as(accounts, "county")))
                .andReturn().getResponse().getContentAsByteArray();
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            var texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(texts).contains(l.documentNumber(), "重大事故隐患挂牌督办通知书",
                    today().getYear() + "年" + today().getMonthValue() + "月" + today().getDayOfMonth() + "日");
            XWPFParagraph title = doc.getParagraphs().stream().filter(p -> p.getText().equals("重大事故隐患挂牌督办通知书")).findFirst().orElseThrow();
            assertThat(title.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo(OfficialDocument.TITLE_FONT);
            assertThat(title.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            XWPFParagraph body = doc.getParagraphs().stream().filter(p -> p.getText().startsWith("督办要求")).findFirst().orElseThrow();
            assertThat(body.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo(OfficialDocument.BODY_FONT);
            assertThat(body.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(doc.getProperties().getCustomProperties().getProperty("替代字体").getLpwstr()).contains("仿宋");
            assertThat(texts).noneMatch(t -> t.contains("SimSun") || t.matches(".*\\d{4}-\\d{2}-\\d{2}.*"));
        }
    }
}
