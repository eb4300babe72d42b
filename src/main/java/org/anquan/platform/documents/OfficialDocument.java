package org.anquan.platform.documents;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.Borders;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/**
 * A printable official document (公文) as Word, in the layout of GB/T 9704-2012: A4 with its
 * margins; the issuing unit's mark in red 方正小标宋简体 over a red rule, the document number
 * (文号) in 3号仿宋_GB2312; the title in 2号方正小标宋简体; the addressee and the body in 3号仿宋_GB2312
 * at 28.95 pt lines with two characters' first-line indent; first-level headings (一、) in 黑体 and
 * second-level ones (（一）) in 楷体_GB2312; the issuing unit and the date (2026年11月28日) at the
 * bottom right; page numbers "— 1 —" in 4号宋体. A machine without those fonts falls back to the ones
 * named in {@link #FALLBACKS}, which the document also carries in its properties.
 */
public final class OfficialDocument {

    public static final String TITLE_FONT = "方正小标宋简体";
    public static final String BODY_FONT = "仿宋_GB2312";
    public static final String HEADING_FONT = "黑体";
    public static final String SUBHEADING_FONT = "楷体_GB2312";
    public static final String PAGE_NUMBER_FONT = "宋体";
    /** What a reader without the standard's fonts gets instead, as the document's properties say. */
    public static final String FALLBACKS = "方正小标宋简体→华文中宋/宋体；仿宋_GB2312→仿宋/FangSong；楷体_GB2312→楷体/KaiTi；黑体→SimHei";

    /** 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. */
    private static final int SIZE_2 = 22;
    private static final int SIZE_3 = 16;
    private static final int SIZE_4 = 14;
    /** Fixed line height 28.95 pt (22 lines per page), in twentieths of a point. */
    private static final int LINE = 579;
    /** Two characters of 3号 = 32 pt, in twips. */
    private static final int INDENT = 640;

    private final String title;
    private final String number;
    private String addressee;
    /** The body in order: a paragraph is a String, a table its rows (the first the header). */
    private final List<Object> paragraphs = new ArrayList<>();
    private final List<String> closing = new ArrayList<>();
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

    /** A body paragraph; one that begins with 一、 (or 二、 …) is set as a first-level heading, with （一） as a second-level one. */
    public OfficialDocument paragraph(String text) {
        paragraphs.add(text);
        return this;
    }

    /** A table in the body, in 4号仿宋_GB2312: its header row first, then the rows. */
    public OfficialDocument table(List<String[]> rows) {
        paragraphs.add(rows.toArray(new String[0][]));
        return this;
    }

    /** A line below the signature and date, such as the receipt the unit signs (签收). */
    public OfficialDocument closing(String text) {
        closing.add(text);
        return this;
    }

    public OfficialDocument signedBy(String issuer, LocalDate date, Locale locale) {
        this.issuer = issuer;
        this.date = date(date, locale);
        return this;
    }

    /** A date as official documents write it (GB/T 9704): 2026年11月28日, without leading zeros; 28 November 2026 in English. */
    public static String date(LocalDate date, Locale locale) {
        return "en".equals(locale.getLanguage())
                ? date.getDayOfMonth() + " " + date.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " " + date.getYear()
                : date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    public void write(OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            page(doc);
            doc.getProperties().getCustomProperties().addProperty("字体", BODY_FONT + "、" + TITLE_FONT + "、" + HEADING_FONT + "、" + SUBHEADING_FONT);
            doc.getProperties().getCustomProperties().addProperty("替代字体", FALLBACKS);
            doc.getProperties().getCoreProperties().setTitle(title);
            if (issuer != null) {
                // 发文机关标志: the issuing unit in red over a red rule
                XWPFParagraph mark = doc.createParagraph();
                mark.setAlignment(ParagraphAlignment.CENTER);
                run(mark, issuer, TITLE_FONT, 26, false).setColor("C00000");
            }
            XWPFParagraph n = doc.createParagraph();
            n.setAlignment(ParagraphAlignment.CENTER);
            n.setBorderBottom(Borders.SINGLE);
            n.getCTP().getPPr().getPBdr().getBottom().setColor("C00000");
            n.getCTP().getPPr().getPBdr().getBottom().setSz(BigInteger.valueOf(12));
            run(n, number, BODY_FONT, SIZE_3, false);
            doc.createParagraph();
            XWPFParagraph t = doc.createParagraph();
            t.setAlignment(ParagraphAlignment.CENTER);
            fixed(t);
            run(t, title, TITLE_FONT, SIZE_2, false);
            doc.createParagraph();
            if (addressee != null) {
                XWPFParagraph a = doc.createParagraph();
                fixed(a);
                run(a, addressee + "：", BODY_FONT, SIZE_3, false);
            }
            for (Object block : paragraphs) {
                if (block instanceof String[][] rows) {
                    table(doc, rows);
                    continue;
                }
                String text = (String) block;
                XWPFParagraph para = doc.createParagraph();
                fixed(para);
                para.setIndentationFirstLine(INDENT);
                String font = text.matches("^[一二三四五六七八九十]+、.*") ? HEADING_FONT
                        : text.matches("^（[一二三四五六七八九十]+）.*") ? SUBHEADING_FONT : BODY_FONT;
                run(para, text, font, SIZE_3, false);
            }
            if (issuer != null) {
                doc.createParagraph();
                doc.createParagraph();
                XWPFParagraph s = doc.createParagraph();
                s.setAlignment(ParagraphAlignment.RIGHT);
                s.setIndentationRight(INDENT * 2);
                fixed(s);
                run(s, issuer, BODY_FONT, SIZE_3, false);
                XWPFParagraph d = doc.createParagraph();
                d.setAlignment(ParagraphAlignment.RIGHT);
                d.setIndentationRight(INDENT * 2);
                fixed(d);
                run(d, date, BODY_FONT, SIZE_3, false);
            }
            if (!closing.isEmpty()) {
                doc.createParagraph();
                for (String text : closing) {
                    XWPFParagraph c = doc.createParagraph();
                    fixed(c);
                    run(c, text, BODY_FONT, SIZE_3, false);
                }
            }
            pageNumbers(doc);
            doc.write(out);
        }
    }

    private static void table(XWPFDocument doc, String[][] rows) {
        if (rows.length == 0) {
            return;
        }
        var t = doc.createTable(rows.length, rows[0].length);
        t.setWidth("100%");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                var cell = t.getRow(r).getCell(c);
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setAlignment(c == 0 ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
                run(p, rows[r][c], r == 0 ? HEADING_FONT : BODY_FONT, SIZE_4, false);
            }
        }
        doc.createParagraph();
    }

    /** A4, top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (the type area 156 × 225 mm). */
    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(mm(210)));
        size.setH(BigInteger.valueOf(mm(297)));
        CTPageMar margins = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        margins.setTop(BigInteger.valueOf(mm(37)));
        margins.setBottom(BigInteger.valueOf(mm(35)));
        margins.setLeft(BigInteger.valueOf(mm(28)));
        margins.setRight(BigInteger.valueOf(mm(26)));
        margins.setFooter(BigInteger.valueOf(mm(28)));
        margins.setHeader(BigInteger.valueOf(mm(15)));
    }

    /** — 1 — at the foot of every page. */
    private static void pageNumbers(XWPFDocument doc) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        run(p, "— ", PAGE_NUMBER_FONT, SIZE_4, false);
        var field = p.getCTP().addNewFldSimple();
        field.setInstr("PAGE");
        var r = field.addNewR();
        var props = r.addNewRPr();
        var fonts = props.addNewRFonts();
        fonts.setAscii(PAGE_NUMBER_FONT);
        fonts.setEastAsia(PAGE_NUMBER_FONT);
        props.addNewSz().setVal(BigInteger.valueOf(SIZE_4 * 2));
        r.addNewT().setStringValue("1");
        run(p, " —", PAGE_NUMBER_FONT, SIZE_4, false);
    }

    private static void fixed(XWPFParagraph p) {
        p.setSpacingBetween(LINE / 20.0, LineSpacingRule.EXACT);
        p.setSpacingAfter(0);
        p.setSpacingBefore(0);
    }

    private static long mm(double millimetres) {
        return Math.round(millimetres / 25.4 * 1440);
    }

    private static XWPFRun run(XWPFParagraph p, String text, String font, int size, boolean bold) {
        XWPFRun r = p.createRun();
        r.setText(text == null ? "" : text);
        r.setFontSize(size);
        r.setBold(bold);
        // Chinese text in the standard's font; Latin letters and figures in Times New Roman
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.ascii);
        r.setFontFamily("Times New Roman", XWPFRun.FontCharRange.hAnsi);
        return r;
    }
}
