package org.anquan.platform.audit;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.anquan.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's view of the audit trail, with the chain check. */
@Controller
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/admin/audit")
    String list(@ModelAttribute("q") AuditQuery q, @RequestParam(defaultValue = "1") int page,
                @RequestParam(required = false) Integer size, HtmxRequest htmx, Model model) {
        model.addAttribute("result", trail.search(q, Math.max(page, 1), PageResult.clampSize(size)));
        return htmx.isHtmxRequest() ? "admin/audit :: table" : "admin/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", trail.verify());
        return "redirect:/admin/audit";
    }
}
