package org.anquan.hazards.standards;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.platform.web.Options;
import org.anquan.shared.InvalidInputException;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 重大事故隐患判定标准: every situation each standard lists, kept by the city office. */
@Controller
class StandardController {

    private final JudgmentStandards standards;
    private final Directory directory;
    private final Downloads downloads;
    private final Messages messages;

    StandardController(JudgmentStandards standards, Directory directory, Downloads downloads,
                       Messages messages) {
        this.standards = standards;
        this.directory = directory;
        this.downloads = downloads;
        this.messages = messages;
    }

    /** A situation as the form posts it. */
    record SituationForm(String code, String industryCode, String nameZh, String nameEn, String standardCode, String article,
                         Boolean major, Integer version) implements Serializable {
        JudgmentStandards.SituationInput input() {
            return new JudgmentStandards.SituationInput(code == null ? null : code.trim(), industryCode, nameZh, nameEn,
                    standardCode == null || standardCode.isBlank() ? null : standardCode, article, Boolean.TRUE.equals(major), version);
        }
    }

    @GetMapping("/hazards/standards")
    String list(@RequestParam(required = false) String standard, @RequestParam(required = false) String industry, Model model,
                Locale locale) {
        String chosen = standard == null ? null : standard;
        model.addAttribute("standards", standards.standards());
        model.addAttribute("situations", standards.situations(chosen, industry));
        model.addAttribute("standard", chosen);
        model.addAttribute("industry", industry);
        model.addAttribute("industries", directory.industries());
        model.addAttribute("industryOptions", Options.of(directory.industries(), Directory.IndustryRef::code, i -> i.name(locale)));
        model.addAttribute("standardOptions", Options.of(standards.standards(), JudgmentStandards.Standard::code, s -> s.name(locale)));
        model.addAttribute("industryNames", directory.industries().stream().collect(Collectors.toMap(
                Directory.IndustryRef::code, i -> i)));
        return "hazards/standards";
    }

    @PostMapping("/hazards/standards/situations")
    String create(@ModelAttribute SituationForm form, RedirectAttributes redirect) {
        return save(form, true, redirect);
    }

    @PostMapping("/hazards/standards/situations/{code}")
    String update(@PathVariable String code, @ModelAttribute SituationForm form, RedirectAttributes redirect) {
        return save(new SituationForm(code, form.industryCode(), form.nameZh(), form.nameEn(), form.standardCode(),
                form.article(), form.major(), form.version()), false, redirect);
    }

    private String save(SituationForm form, boolean isNew, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        String back = "/hazards/standards" + (form.standardCode() == null || form.standardCode().isBlank() ? ""
                : "?standard=" + form.standardCode());
        return Actions.run(back, "saved", redirect, form, () -> standards.save(form.input(), isNew, me));
    }

    @PostMapping("/hazards/standards/situations/{code}/{change:retire|restore}")
    String retire(@PathVariable String code, @PathVariable String change, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        try {
            standards.setActive(code, "restore".equals(change), version, CurrentUsers.require());
            redirect.addFlashAttribute("noticeKey", "standard.done." + change);
        } catch (InvalidInputException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errorKey", "error.conflict");
        }
        return "redirect:/hazards/standards";
    }

    @PostMapping("/hazards/standards/import")
    String importFile(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/hazards/standards", null, redirect,
                () -> redirect.addFlashAttribute("notice", messages.get("standard.imported", standards.importFile(bytes, name, me))));
    }

    /** The import workbook's header row, with one example, to fill in. */
    @GetMapping("/hazards/standards/template.xlsx")
    void template(HttpServletResponse response, Locale locale) throws IOException {
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.standards");
        try (var wb = new XSSFWorkbook()) {
            var sheet = wb.createSheet(messages.get("standard.title"));
            var header = sheet.createRow(0);
            for (int i = 0; i < JudgmentStandards.COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(messages.get("standard.col." + JudgmentStandards.COLUMNS.get(i)));
                sheet.setColumnWidth(i, (i == 2 || i == 3 ? 60 : 18) * 256);
            }
            var example = sheet.createRow(1);
            String[] values = {"IT10_13_1", "INDUSTRY_TRADE", "未对有限空间进行辨识、建立安全管理台账，且未设置明显的安全警示标志",
                    "Confined spaces not identified, recorded or signposted", "IT_2023", "第十三条第（一）项"};
            for (int i = 0; i < values.length; i++) {
                example.createCell(i).setCellValue(values[i]);
            }
            wb.write(response.getOutputStream());
        }
    }
}
