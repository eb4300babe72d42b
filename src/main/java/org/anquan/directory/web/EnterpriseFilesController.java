package org.anquan.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.directory.domain.DirectoryProperties;
import org.anquan.directory.domain.EnterpriseExcel;
import org.anquan.directory.domain.EnterpriseFilter;
import org.anquan.directory.domain.EnterpriseQueries;
import org.anquan.directory.domain.Enterprises;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
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
    private final Messages messages;
    private final int importBackgroundRows;
    private final Clock clock;

    EnterpriseFilesController(Enterprises enterprises, EnterpriseQueries queries, EnterpriseExcel excel, AuditTrail audit,
                              Downloads downloads, FileJobs fileJobs, Messages messages, DirectoryProperties props, Clock clock) {
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
        try {
            if (file == null || file.isEmpty()) {
                throw new BusinessException("import.empty");
            }
            if (file.getSize() > EnterpriseExcel.MAX_BYTES) {
                throw new BusinessException("import.too.large", EnterpriseExcel.MAX_BYTES / 1024 / 1024);
            }
            byte[] bytes = file.getBytes();
            String fileName = file.getOriginalFilename();
            int rows = TabularImport.rowsBelowHeader(bytes);
            if (rows > importBackgroundRows) {
                String name = fileName == null || fileName.isBlank() ? messages.get("import.unnamed") : fileName;
                String id = fileJobs.start(me.accountId(), messages.get("enterprises.import.background", name),
                        messages.get("download.import.rejected", name) + ".xlsx", Downloads.XLSX, rows, (progress, out) -> {
                            try {
                                EnterpriseExcel.ImportResult result = excel.importFile(bytes, fileName, me, locale, progress::rows);
                                excel.writeRejected(result, locale, out);
                                return messages.inLocale("import.summary", locale, result.imported(), result.errors().size(), result.warned());
                            } catch (BusinessException e) {
                                throw new FileJobs.Refused(messages.inLocale(e.messageKey(), locale, e.args()));
                            }
                        });
                return "redirect:/jobs/" + id;
            }
            model.addAttribute("result", excel.importFile(bytes, fileName, me, locale));
        } catch (BusinessException e) {
            response.setStatus(422);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        return "directory/enterprise-import";
    }
}
