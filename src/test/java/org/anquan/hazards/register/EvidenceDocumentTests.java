package org.anquan.hazards.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.anquan.IntegrationTest;
import org.anquan.platform.files.EvidenceCheck;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.BusinessException;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rectification evidence as PDF or Word, each recognised and checked by its bytes (issue 10, item 7). */
@IntegrationTest
class EvidenceDocumentTests {

    static final long PIXELS = 40_000_000;

    @Autowired HazardService service;
    @Autowired Accounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    static byte[] pdf(String body) {
        return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R " + body + ">> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] docx() throws Exception {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("整改完成报告：紧急切断阀已恢复联锁");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] zip(String... names) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (String name : names) {
                z.putNextEntry(new ZipEntry(name));
                z.write("x".getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String refusal(byte[] bytes) {
        try {
            EvidenceCheck.documentTypeOf(bytes, PIXELS);
            return null;
        } catch (BusinessException e) {
            return e.messageKey();
        }
    }

    @Test
    void aPlainPdfAndAWordDocumentAreEvidence() throws Exception {
        assertThat(EvidenceCheck.documentTypeOf(pdf(""), PIXELS)).isEqualTo(EvidenceCheck.PDF);
        assertThat(EvidenceCheck.documentTypeOf(docx(), PIXELS)).isEqualTo(EvidenceCheck.DOCX);
    }

    @Test
    void filesThatOnlyClaimToBeDocumentsAreRefusedSayingWhy() throws Exception {
        byte[] executable = new byte[256];
        executable[0] = 'M';
        executable[1] = 'Z';
        assertThat(refusal(executable)).isEqualTo("evidence.executable");
        assertThat(refusal("\u007fELF\u0002\u0001\u0001".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("evidence.executable");
        assertThat(refusal(pdf("/OpenAction << /S /JavaScript /JS (app.alert(1)) >>"))).isEqualTo("evidence.pdf.active");
        assertThat(refusal(pdf("/Names << /EmbeddedFiles 3 0 R >>"))).isEqualTo("evidence.pdf.active");
        assertThat(refusal("%PDF-1.4\n1 0 obj".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("evidence.pdf.broken");
        assertThat(refusal(zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"))).isEqualTo("evidence.docx.active");
        assertThat(refusal(zip("[Content_Types].xml", "xl/workbook.xml"))).isEqualTo("evidence.not.document");
        assertThat(refusal("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo("evidence.not.document");
        // a photo of the spot stays a picture: a PDF is not one
        assertThatThrownBy(() -> EvidenceCheck.contentTypeOf(pdf(""), PIXELS))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.not.image"));
    }

    @Test
    void aPdfIsStoredAsEvidenceAndAnExecutableNamedPdfChangesNothing() throws Exception {
        CurrentUser enterprise = accounts.principalOf(accounts.findByUsername("enterprise").orElseThrow().id()).user();
        CurrentUser dept = accounts.principalOf(accounts.findByUsername("dept").orElseThrow().id()).user();
        long own = accounts.findByUsername("enterprise").orElseThrow().enterpriseId();
        Hazard h = service.report(HazardReports.atEnterprise(own).due(LocalDate.now(clock).plusDays(10)).input(), dept);
        Hazard started = service.start(h.getId(), h.getVersion(), enterprise);
        byte[] executable = new byte[512];
        executable[0] = 'M';
        executable[1] = 'Z';
        assertThatThrownBy(() -> service.addEvidence(h.getId(), "EVIDENCE", "整改报告.pdf", executable, started.getVersion(), enterprise))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.messageKey()).isEqualTo("evidence.executable"));
        assertThat(service.evidenceCount(h.getId())).isZero();
        service.addEvidence(h.getId(), "EVIDENCE", "整改报告.docx", pdf(""), started.getVersion(), enterprise);
        assertThat(service.evidence(h.getId())).singleElement().satisfies(e -> {
            assertThat(e.contentType()).isEqualTo(EvidenceCheck.PDF);
            // the name keeps what the person called it, the extension says what the bytes are
            assertThat(e.filename()).isEqualTo("整改报告.pdf");
        });
    }
}
