package org.anquan.hazards.web;

import java.math.BigDecimal;
import org.anquan.platform.security.Permission;
import java.util.Map;
import org.anquan.hazards.domain.QuarterlyReports;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Quarterly hazard statistics: enterprises file, officers see filings and late ones. */
@Controller
class QuarterlyController {

    private final QuarterlyReports reports;

    QuarterlyController(QuarterlyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/hazards/quarterly")
    String page(Model model) {
        CurrentUser me = CurrentUsers.require();
        int[] last = reports.lastEndedQuarter();
        model.addAttribute("filings", reports.filings(me.scope()));
        model.addAttribute("year", last[0]);
        model.addAttribute("quarter", last[1]);
        model.addAttribute("due", QuarterlyReports.dueOn(last[0], last[1], reports.dueDay()));
        if (me.may(Permission.QUARTERLY_FILE)) {
            model.addAttribute("prefill", reports.fromRegister(me.enterpriseId(), last[0], last[1]));
        }
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        return "hazards/quarterly";
    }

    @PostMapping("/hazards/quarterly")
    String file(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter, @RequestParam(defaultValue = "0") int foundGeneral,
                @RequestParam(defaultValue = "0") int foundMajor, @RequestParam(defaultValue = "0") int rectifiedGeneral,
                @RequestParam(defaultValue = "0") int rectifiedMajor, @RequestParam(required = false) BigDecimal funds,
                @RequestParam(required = false) String principalSigned, RedirectAttributes redirect) {
        try {
            var filing = reports.file(year == null ? 0 : year, quarter == null ? 0 : quarter, new QuarterlyReports.Figures(foundGeneral, foundMajor, rectifiedGeneral,
                    rectifiedMajor), funds, principalSigned, CurrentUsers.require());
            redirect.addFlashAttribute("noticeKey", filing.late() ? "quarterly.filed.late" : "quarterly.filed");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorKey", "form.has.errors");
            redirect.addFlashAttribute("fieldErrors", e.fieldErrors());
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/hazards/quarterly";
    }
}
