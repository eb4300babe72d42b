package org.anquan.hazards.register;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.ImportPages;
import org.anquan.platform.web.Messages;
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
    private final ImportPages imports;
    private final Messages messages;
    private final int backgroundRows;

    HazardImportController(HazardImport importer, Downloads downloads, ImportPages imports,
                           Messages messages, HazardsProperties props) {
        this.downloads = downloads;
        this.importer = importer;
        this.imports = imports;
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
        String view = imports.upload(file, me, backgroundRows, "import.background", new ImportPages.Import<>(
                (bytes, name, in, progress) -> importer.importFile(bytes, name, me, in, progress::rows), importer::writeRejected,
                (result, in) -> messages.inLocale("import.hazard.summary", in, result.imported(), result.errors().size())),
                locale, model, response, "hazards/import");
        model.addAttribute("imports", importer.recent());
        return view;
    }
}
