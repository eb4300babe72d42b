package org.anquan.platform.security;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.anquan.platform.web.Actions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator issues and revokes API tokens for machine clients. */
@Controller
class TokenController {

    private final ApiTokens tokens;
    private final Clock clock;

    TokenController(ApiTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @GetMapping("/admin/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        model.addAttribute("now", OffsetDateTime.now(clock));
        return "admin/tokens";
    }

    @PostMapping("/admin/tokens")
    String issue(@RequestParam String name, @RequestParam String username,
                 @RequestParam(required = false) Integer validDays, RedirectAttributes redirect) {
        return Actions.run("/admin/tokens", null, redirect, () -> redirect.addFlashAttribute("issued", tokens.issue(name, username, validDays)));
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable long id) {
        tokens.revoke(id);
        return "redirect:/admin/tokens";
    }
}
