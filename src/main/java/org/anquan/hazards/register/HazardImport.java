package org.anquan.hazards.register;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.*;
import java.util.function.IntConsumer;
import org.anquan.directory.Directory;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Messages;
import org.anquan.platform.web.Names;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hazards found in an inspection campaign, imported from the template: every valid row is
 * reported and routed like a hazard entered by hand; every invalid row is reported with its line
 * and reason. An import is one unit: its rows, its file's record and its audit entries land
 * together or not at all (a row that fails rolls back to its own savepoint), and the audit lock is
 * taken once, at the end. A file whose content was imported before is refused, naming that import.
 */
@Component
class HazardImport {

    static final List<String> COLUMNS = List.of("creditCode", "place", "lon", "lat", "industry", "category", "description",
            "grade", "deadline", "person", "phone");
    public static final int MAX_ROWS = 5_000;

    private final HazardService service;
    private final Directory directory;
    private final AuditTrail audit;
    private final Messages messages;
    private final TransactionTemplate whole;
    private final TransactionTemplate perRow;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final Names names;

    HazardImport(HazardService service, Directory directory, AuditTrail audit, Messages messages,
                 PlatformTransactionManager tx, JdbcClient jdbc, Clock clock,
                 Names names) {
        this.names = names;
        this.service = service;
        this.directory = directory;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.whole = new TransactionTemplate(tx);
        this.perRow = new TransactionTemplate(tx);
        this.perRow.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public record Result(long importId, int imported, List<TabularImport.Rejected> errors) {
    }

    /** A file imported before. */
    public record Earlier(long id, String fileName, String importedBy, OffsetDateTime importedAt, int imported,
                          int rejected) {
    }

    /** The latest imports, newest first. */
    public List<Earlier> recent() {
        return jdbc.sql("SELECT * FROM hazard_import ORDER BY id DESC LIMIT 30").query(HazardImport::earlier).list();
    }

    private static Earlier earlier(ResultSet rs, int n) throws SQLException {
        return new Earlier(rs.getLong("id"), rs.getString("file_name"), rs.getString("imported_by"),
                rs.getObject("imported_at", OffsetDateTime.class), rs.getInt("imported"), rs.getInt("rejected"));
    }

    private BusinessException alreadyImported(String sha) {
        Earlier e = jdbc.sql("SELECT * FROM hazard_import WHERE sha256 = :s").param("s", sha).query(HazardImport::earlier).single();
        return new BusinessException("import.already", e.id(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(e.importedAt().atZoneSameInstant(clock.getZone())),
                names.person(e.importedBy()), e.imported());
    }

    public void writeTemplate(OutputStream out, Locale locale) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(messages.inLocale("import.hazard.sheet", locale));
            Row h = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                h.createCell(i).setCellValue(messages.inLocale("import.hazard.col." + COLUMNS.get(i), locale));
                sheet.setColumnWidth(i, 18 * 256);
            }
            wb.write(out);
        }
    }

    public Result importFile(byte[] bytes, String fileName, CurrentUser user, Locale locale) {
        return importFile(bytes, fileName, user, locale, done -> { });
    }

    /** The rows an import refused, with their line numbers and reasons, as a workbook the person can correct from. */
    public void writeRejected(Result result, Locale locale, OutputStream out) throws IOException {
        TabularImport.writeRejected(result.errors(), messages.inLocale("import.rejected.sheet", locale),
                messages.inLocale("import.line", locale), messages.inLocale("import.reason", locale), out);
    }

    /** The import, telling how many rows are done as it stores them (for an import in the background). */
    public Result importFile(byte[] bytes, String fileName, CurrentUser user, Locale locale, IntConsumer progress) {
        if (!user.may(Permission.HAZARD_IMPORT)) {
            throw new AccessDeniedException("officers import inspection results");
        }
        String sha = sha256(bytes);
        if (jdbc.sql("SELECT COUNT(*) FROM hazard_import WHERE sha256 = :s").param("s", sha).query(Long.class).single() > 0) {
            throw alreadyImported(sha);
        }
        List<TabularImport.Column> columns = COLUMNS.stream().map(c -> {
            String key = "import.hazard.col." + c;
            return TabularImport.Column.required(c, messages.inLocale(key, locale), messages.inLocale(key, Locale.SIMPLIFIED_CHINESE),
                    messages.inLocale(key, Locale.ENGLISH));
        }).toList();
        TabularImport<HazardInput> table = TabularImport.of(columns, MAX_ROWS, this::input, e -> reason(e, locale));
        TabularImport.Read<HazardInput> read = table.read(bytes, fileName);
        try {
            return whole.execute(status -> store(table, read, sha, fileName, user, progress));
        } catch (DuplicateKeyException sameFileAtOnce) {
            throw alreadyImported(sha);
        }
    }

    private Result store(TabularImport<HazardInput> table, TabularImport.Read<HazardInput> read, String sha, String fileName,
                         CurrentUser user, IntConsumer progress) {
        List<AuditTrail.Change> changes = new ArrayList<>();
        TabularImport.Outcome outcome = table.store(read, TabularImport.Mode.VALID_ROWS, perRow, in -> {
            Hazard h = service.file(in, user, null);
            changes.add(new AuditTrail.Change("CREATE", "hazard", h.getId(), h.getCode()));
        }, progress);
        List<TabularImport.Rejected> errors = outcome.rejected();
        var keys = new GeneratedKeyHolder();
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        jdbc.sql("""
                INSERT INTO hazard_import (sha256, file_name, imported_by, imported_at, imported, rejected)
                VALUES (:s, :f, :by, :at, :i, :r)""")
                .param("s", sha).param("f", name == null ? null : name.substring(0, Math.min(name.length(), 200)))
                .param("by", user.username()).param("at", OffsetDateTime.now(clock))
                .param("i", changes.size()).param("r", errors.size()).update(keys, "id");
        long importId = keys.getKeyAs(Number.class).longValue();
        changes.add(new AuditTrail.Change("IMPORT", "hazard_import", importId,
                changes.size() + " imported, " + errors.size() + " rejected, sha256 " + sha));
        audit.recordAll(user.username(), changes);
        return new Result(importId, changes.size() - 1, errors);
    }

    /** A line's refusal in the importer's language: each field named with its message, or the rule's message. */
    private String reason(RuntimeException e, Locale locale) {
        if (e instanceof InvalidInputException invalid) {
            return describe(invalid.fieldErrors(), locale);
        }
        return e instanceof BusinessException b ? messages.inLocale(b.messageKey(), locale, b.args()) : null;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes == null ? new byte[0] : bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HazardInput input(TabularImport.Line row) {
        String code = row.text("creditCode");
        Long enterpriseId = null;
        if (code != null) {
            enterpriseId = directory.enterpriseByCreditCode(code.toUpperCase(Locale.ROOT))
                    .map(Directory.EnterpriseRef::id)
                    .orElseThrow(() -> new BusinessException("import.hazard.enterprise.unknown", code));
        }
        String industry = row.text("industry");
        if (industry != null) {
            String given = industry;
            industry = directory.industries().stream()
                    .filter(i -> i.code().equalsIgnoreCase(given) || i.nameZh().equals(given) || i.nameEn().equalsIgnoreCase(given))
                    .map(Directory.IndustryRef::code).findFirst().orElse(given);
        }
        String grade = row.text("grade");
        HazardGrade g = grade == null ? null
                : grade.equals("重大") || grade.equals("重大隐患") || grade.equalsIgnoreCase("MAJOR") ? HazardGrade.MAJOR
                : grade.equals("一般") || grade.equals("一般隐患") || grade.equalsIgnoreCase("GENERAL") ? HazardGrade.GENERAL
                : null;
        if (grade != null && g == null) {
            throw new BusinessException("import.hazard.grade.invalid", grade);
        }
        return new HazardInput(HazardSource.DEPT_INSPECTION, enterpriseId, row.text("place"), row.number("lon"),
                row.number("lat"), industry, row.text("category"), row.text("description"), g, row.date("deadline"),
                row.text("person"), row.text("phone"), null, null, null);
    }

    private String describe(Map<String, String> fieldErrors, Locale locale) {
        List<String> parts = new ArrayList<>();
        fieldErrors.forEach((field, key) -> parts.add(messages.inLocale("import.hazard.field." + field, locale) + ": " + messages.inLocale(key, locale)));
        return String.join("; ", parts);
    }

}
