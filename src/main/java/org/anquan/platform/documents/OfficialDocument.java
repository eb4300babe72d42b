package org.anquan.platform.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

/**
 * A printable official document (通知书) as Word: a centred title and document number, the
 * addressee, body paragraphs, and the issuing office with its date at the bottom right.
 */
public final class OfficialDocument {

    private final String title;
    private final String number;
    private String addressee;
    private final List<String> paragraphs = new ArrayList<>();
    private String issuer;
    private String date;

    public OfficialDocument(String title, String number) {
        this.title = title;
        this.number = number;
    }

    public OfficialDocument to(String addressee) {
        this.addressee = addressee;
        return this;
    }

    public OfficialDocument paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    public OfficialDocument signedBy(String issuer, java.time.LocalDate date, java.util.Locale locale) {
        this.issuer = issuer;
        this.date = date(date, locale);
        return this;
    }

    /** A date as official documents write it (GB/T 9704): 2026年11月28日, without leading zeros; 28 November 2026 in English. */
    public static String date(java.time.LocalDate date, java.util.Locale locale) {
        return "en".equals(locale.getLanguage())
                ? date.getDayOfMonth() + " " + date.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                        + " " + date.getYear()
                : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    public void write(OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            run(t, title, 22, true);
            XWPFParagraph n = doc.createParagraph();
            n.setAlignment(ParagraphAlignment.CENTER);
            run(n, number, 12, false);
            if (addressee != null) {
                run(doc.createParagraph(), addressee + "：", 14, false);
            }
            for (String p : paragraphs) {
                XWPFParagraph para = doc.createParagraph();
                para.setIndentationFirstLine(560);
                run(para, p, 14, false);
            }
            doc.createParagraph();
            if (issuer != null) {
                XWPFParagraph s = doc.createParagraph();
                s.setAlignment(ParagraphAlignment.RIGHT);
                run(s, issuer, 14, false);
                XWPFParagraph d = doc.createParagraph();
                d.setAlignment(ParagraphAlignment.RIGHT);
                run(d, date, 14, false);
            }
            doc.write(out);
        }
    }

    private static void run(XWPFParagraph p, String text, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily("SimSun");
    }
}
