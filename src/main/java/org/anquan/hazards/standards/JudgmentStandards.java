package org.anquan.hazards.standards;

import java.util.*;
import java.util.regex.Pattern;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.Where;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The major-hazard judgment standards (重大事故隐患判定标准) as data: the situations each standard
 * lists, by industry and article, kept by the city office. A situation a standard lists is major;
 * a hazard of that situation is graded major and nothing else.
 */
@Service
@Transactional
public class JudgmentStandards {

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Messages messages;

    JudgmentStandards(JdbcClient jdbc, AuditTrail audit, Messages messages) {
        this.messages = messages;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Standard(String code, String nameZh, String nameEn, String source, int issuedYear) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    /** A situation (hazard category): listed by a standard when {@code standardCode} is set. */
    public record Situation(String code, String industryCode, String nameZh, String nameEn, boolean major,
                            String standardCode, String article, boolean active, int version) {
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    /** Where a major situation is listed: the standard and its article (null for the city's own list). */
    public record Listing(String situationName, Standard standard, String article) {
    }

    public record SituationInput(String code, String industryCode, String nameZh, String nameEn, String standardCode,
                                 String article, boolean major, Integer version) {
    }

    public List<Standard> standards() {
        return jdbc.sql("SELECT code, name_zh, name_en, source, issued_year FROM hazard_standard ORDER BY sort_order, code")
                .query(Standard.class).list();
    }

    /** Situations of one standard, of the city's own list ({@code ""}), or all ({@code null}); retired ones last. */
    public List<Situation> situations(String standardCode, String industryCode) {
        Where where = Where.all().andIf("".equals(standardCode), "standard_code IS NULL")
                .and("standard_code = :s", "s", standardCode).and("industry_code = :i", "i", industryCode);
        return jdbc.sql("SELECT code, industry_code, name_zh, name_en, major, standard_code, article, active, version "
                + "FROM hazard_category" + where.sql() + " ORDER BY active DESC, industry_code, code").params(where.params())
                .query(Situation.class).list();
    }

    public Optional<Situation> situation(String code) {
        return jdbc.sql("SELECT code, industry_code, name_zh, name_en, major, standard_code, article, active, version "
                        + "FROM hazard_category WHERE code = :c").param("c", code).query(Situation.class).optional();
    }

    /** Where the situation is listed as major; empty when it is a general situation or unknown. */
    public Optional<Listing> listing(String categoryCode) {
        return categoryCode == null ? Optional.empty() : situation(categoryCode).flatMap(this::listing);
    }

    /** The same for a situation already read. */
    public Optional<Listing> listing(Situation s) {
        if (!s.major()) {
            return Optional.empty();
        }
        Standard standard = s.standardCode() == null ? null
                : standards().stream().filter(st -> st.code().equals(s.standardCode())).findFirst().orElse(null);
        return Optional.of(new Listing(s.nameZh(), standard, s.article()));
    }

    /** Adds a situation, or corrects one (named by its code, on the version read). */
    public void save(SituationInput in, boolean isNew, CurrentUser user) {
        user.require(Permission.STANDARD_EDIT);
        Map<String, String> errors = problems(in, isNew);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean major = in.standardCode() != null || in.major();
        if (isNew) {
            jdbc.sql("""
                    INSERT INTO hazard_category (code, industry_code, name_zh, name_en, major, standard_code, article)
                    VALUES (:c, :i, :zh, :en, :m, :s, :a)""")
                    .param("c", in.code()).param("i", in.industryCode()).param("zh", in.nameZh().trim())
                    .param("en", in.nameEn().trim()).param("m", major).param("s", in.standardCode()).param("a", trim(in.article()))
                    .update();
            audit.record("CREATE", "hazard_category", in.code(), in.nameZh(), null, in);
            return;
        }
        Situation before = situation(in.code()).orElseThrow(() -> new NotFoundException("hazard_category", in.code()));
        int n = jdbc.sql("""
                UPDATE hazard_category SET industry_code = :i, name_zh = :zh, name_en = :en, major = :m, standard_code = :s,
                       article = :a, version = version + 1
                WHERE code = :c AND version = :v""")
                .param("c", in.code()).param("i", in.industryCode()).param("zh", in.nameZh().trim())
                .param("en", in.nameEn().trim()).param("m", major).param("s", in.standardCode()).param("a", trim(in.article()))
                .param("v", in.version()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("hazard_category " + in.code() + " changed");
        }
        audit.record("UPDATE", "hazard_category", in.code(), in.nameZh(), before, in);
    }

    /** Retires a situation (no longer offered; hazards that name it keep it), or brings it back. */
    public void setActive(String code, boolean active, Integer version, CurrentUser user) {
        user.require(Permission.STANDARD_EDIT);
        Situation before = situation(code).orElseThrow(() -> new NotFoundException("hazard_category", code));
        if (version == null) {
            throw new InvalidInputException(Map.of("version", "version.required"));
        }
        int n = jdbc.sql("UPDATE hazard_category SET active = :a, version = version + 1 WHERE code = :c AND version = :v")
                .param("a", active).param("c", code).param("v", version).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("hazard_category " + code + " changed");
        }
        audit.record(active ? "RESTORE" : "RETIRE", "hazard_category", code, before.nameZh(), before.active(), active);
    }

    /** The columns of the import workbook, in order. */
    public static final List<String> COLUMNS = List.of("code", "industry", "nameZh", "nameEn", "standard", "article");

    /** The most situations one file may hold (the key industries' standards have a few hundred). */
    static final int MAX_IMPORT_LINES = 5_000;

    /**
     * Imports situations from a table (.xlsx, or CSV) under a header naming the columns: a code that
     * exists is corrected, a new one added. All lines or none: any line in error refuses the file,
     * each named with its line ({@link TabularImport.Refused}).
     */
    public int importFile(byte[] bytes, String fileName, CurrentUser user) {
        user.require(Permission.STANDARD_EDIT);
        Set<String> seen = new HashSet<>();
        List<TabularImport.Column> columns = COLUMNS.stream().map(c -> TabularImport.Column.required(c, messages.get("standard.col." + c),
                messages.inLocale("standard.col." + c, Locale.SIMPLIFIED_CHINESE), messages.inLocale("standard.col." + c, Locale.ENGLISH))).toList();
        TabularImport<SituationInput> table = TabularImport.of(columns, MAX_IMPORT_LINES, line -> {
            String code = line.text("code");
            Optional<Situation> existing = code == null ? Optional.empty() : situation(code);
            SituationInput in = new SituationInput(code, line.text("industry"), line.text("nameZh"), line.text("nameEn"),
                    line.text("standard"), line.text("article"), true, existing.map(Situation::version).orElse(null));
            Map<String, String> p = problems(in, existing.isEmpty());
            if (code != null && !seen.add(code)) {
                p = Map.of("code", "standard.code.twice");
            }
            if (!p.isEmpty()) {
                throw new InvalidInputException(p);
            }
            return in;
        }, messages::refusal);
        TabularImport.Read<SituationInput> read = table.read(bytes, fileName);
        if (read.rows().isEmpty() && read.rejected().isEmpty()) {
            throw new BusinessException("import.no.rows");
        }
        return table.store(read, TabularImport.Mode.ALL_OR_NONE, null, in -> save(in, in.version() == null, user), n -> { }).stored();
    }

    private Map<String, String> problems(SituationInput in, boolean isNew) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (in.code() == null || !CODE.matcher(in.code()).matches()) {
            errors.put("code", "standard.code.format");
        } else if (isNew && situation(in.code()).isPresent()) {
            errors.put("code", "standard.code.taken");
        }
        if (!isNew && in.version() == null) {
            errors.put("version", "version.required");
        }
        if (in.industryCode() == null || jdbc.sql("SELECT COUNT(*) FROM directory_industry_view WHERE code = :i")
                .param("i", in.industryCode()).query(Long.class).single() == 0) {
            errors.put("industryCode", "standard.industry.unknown");
        }
        if (blank(in.nameZh()) || in.nameZh().length() > 200) {
            errors.put("nameZh", blank(in.nameZh()) ? "validation.required" : "validation.too.long");
        }
        if (blank(in.nameEn()) || in.nameEn().length() > 200) {
            errors.put("nameEn", blank(in.nameEn()) ? "validation.required" : "validation.too.long");
        }
        if (in.standardCode() != null && standards().stream().noneMatch(s -> s.code().equals(in.standardCode()))) {
            errors.put("standardCode", "standard.unknown");
        }
        if (in.article() != null && in.article().length() > 60) {
            errors.put("article", "validation.too.long");
        }
        if (in.standardCode() != null && blank(in.article())) {
            errors.put("article", "standard.article.required");
        }
        return errors;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trim(String s) {
        return blank(s) ? null : s.trim();
    }
}
