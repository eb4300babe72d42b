package org.anquan.hazards.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.anquan.hazards.domain.HazardImport;
import org.anquan.hazards.domain.HazardsProperties;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.files.TabularImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Import of an inspection campaign's hazards from Excel, with per-row errors. */
@Controller
class HazardImportController {

    private final Downloads downloads;
    private final HazardImport importer;
    private final FileJobs fileJobs;
    private final Messages messages;
    private final int backgroundRows;

    HazardImportController(HazardImport importer, Downloads downloads, FileJobs fileJobs,
                           Messages messages, HazardsProperties props) {
        this.downloads = downloads;
        this.importer = importer;
        this.fileJobs = fileJobs;
        this.messages = messages;
        this.backgroundRows = props.importing().backgroundRows();
    }

    private static CurrentUser officer() {
        CurrentUser me = CurrentUsers.require();
        if (!me.may(Permission.HAZARD_IMPORT)) {
            throw new AccessDeniedException("officers import inspection results");
        }
        return me;
    }

    @GetMapping("/hazards/import")
    String page(Model model) {
        officer();
        model.addAttribute("imports", importer.recent());
        return "hazards/import";
    }

    @GetMapping("/hazards/import/template")
    void template(Locale locale, HttpServletResponse response) throws IOException {
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.hazard.template");
        importer.writeTemplate(response.getOutputStream(), locale);
    }

    @PostMapping("/hazards/import")
    String upload(@RequestParam(required = false) MultipartFile file, Model model, Locale locale,
                  HttpServletResponse response) throws IOException {
        CurrentUser me = officer();
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        int rows = TabularImport.rowsBelowHeader(bytes);
        if (rows > backgroundRows) {
            // seconds of work: in the background, the person watches its progress or comes back to it
            String shown = name == null || name.isBlank() ? messages.get("import.unnamed") : name;
            String id = fileJobs.start(me.accountId(), messages.get("import.background", shown),
                    messages.get("download.import.rejected", shown) + ".xlsx", Downloads.XLSX, rows, (progress, out) -> {
                        try {
                            HazardImport.Result result = importer.importFile(bytes, name, me, locale, progress::rows);
                            importer.writeRejected(result, locale, out);
                            return messages.inLocale("import.hazard.summary", locale, result.imported(), result.errors().size());
                        } catch (BusinessException e) {
                            throw new FileJobs.Refused(messages.inLocale(e.messageKey(), locale, e.args()));
                        }
                    });
            return "redirect:/jobs/" + id;
        }
        try {
            model.addAttribute("result", importer.importFile(bytes, name, me, locale));
        } catch (BusinessException e) {
            response.setStatus(422);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        model.addAttribute("imports", importer.recent());
        return "hazards/import";
    }
}
