package org.anquan.directory.enterprises;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.ImportPages;
import org.anquan.platform.web.Messages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The enterprise directory as files: the filtered list exported as a ledger, the import template, and the import. */
@Controller
class EnterpriseFilesController {

    private final Enterprises enterprises;
    private final EnterpriseQueries queries;
    private final EnterpriseExcel excel;
    private final AuditTrail audit;
    private final Downloads downloads;
    private final FileJobs fileJobs;
    private final ImportPages imports;
    private final Messages messages;
    private final int importBackgroundRows;
    private final Clock clock;

    EnterpriseFilesController(Enterprises enterprises, EnterpriseQueries queries, EnterpriseExcel excel, AuditTrail audit,
                              Downloads downloads, FileJobs fileJobs, ImportPages imports, Messages messages, DirectoryProperties props,
                              Clock clock) {
        this.imports = imports;
        this.enterprises = enterprises;
        this.queries = queries;
        this.excel = excel;
        this.audit = audit;
        this.downloads = downloads;
        this.fileJobs = fileJobs;
        this.messages = messages;
        this.importBackgroundRows = props.importing().backgroundRows();
        this.clock = clock;
    }

    @GetMapping("/enterprises/export")
    void export(@ModelAttribute EnterpriseFilter filter, Locale locale, HttpServletResponse response,
                HttpServletRequest request) throws IOException {
        CurrentUser me = CurrentUsers.require();
        filter.order();
        audit.record("EXPORT", "enterprise", null, "export " + filter, null, null);
        long rows = Math.min(EnterpriseExcel.MAX_EXPORT, queries.page(filter, me.scope(), 1, 1, locale).total());
        if (fileJobs.inBackground(rows)) {
            String day = LocalDate.now(clock).toString();
            String id = fileJobs.start(me.accountId(), messages.get("enterprises.export.background", day),
                    messages.get("download.enterprises", day) + ".xlsx", Downloads.XLSX, rows, (progress, out) -> {
                        excel.export(filter, me.scope(), locale, out, progress::rows);
                        return null;
                    });
            response.sendRedirect(request.getContextPath() + "/jobs/" + id);
            return;
        }
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.enterprises", LocalDate.now(clock).toString());
        excel.export(filter, me.scope(), locale, response.getOutputStream());
    }

    @GetMapping("/enterprises/import")
    String importPage() {
        EnterpriseController.editor(enterprises);
        return "directory/enterprise-import";
    }

    @GetMapping("/enterprises/import/template")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.enterprise.template");
        excel.writeTemplate(response.getOutputStream(), locale);
    }

    @PostMapping("/enterprises/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
                      HttpServletResponse response) throws IOException {
        CurrentUser me = EnterpriseController.editor(enterprises);
        return imports.upload(file, me, importBackgroundRows, "enterprises.import.background", new ImportPages.Import<>(
                (bytes, name, in, progress) -> excel.importFile(bytes, name, me, in, progress::rows), excel::writeRejected,
                (result, in) -> messages.inLocale("import.summary", in, result.imported(), result.errors().size(), result.warned())),
                locale, model, response, "directory/enterprise-import");
    }
}
