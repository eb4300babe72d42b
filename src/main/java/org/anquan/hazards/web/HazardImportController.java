package org.anquan.hazards.web;

import org.anquan.platform.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import org.anquan.platform.security.Permission;
import java.io.IOException;
import java.util.Locale;
import org.anquan.hazards.domain.HazardImport;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
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

    HazardImportController(HazardImport importer, Downloads downloads) {
        this.downloads = downloads;
        this.importer = importer;
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
        try {
            model.addAttribute("result", importer.importFile(file == null ? null : file.getBytes(),
                    file == null ? null : file.getOriginalFilename(), me, locale));
        } catch (BusinessException e) {
            response.setStatus(422);
            model.addAttribute("errorKey", e.messageKey());
            model.addAttribute("errorArgs", e.args());
        }
        model.addAttribute("imports", importer.recent());
        return "hazards/import";
    }
}
