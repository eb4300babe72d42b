package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anquan.platform.security.AccountUser;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.BusinessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Every user changes their own password here; a password set by the administrator must be changed first. */
@Controller
class PasswordController {

    private final Accounts accounts;
    private final Messages messages;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    PasswordController(Accounts accounts, Messages messages) {
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/account/password")
    String form() {
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@RequestParam(required = false) String oldPassword, @RequestParam(required = false) String newPassword,
                  @RequestParam(required = false) String confirmPassword, Model model, RedirectAttributes redirect,
                  HttpServletRequest request, HttpServletResponse response) {
        long id = CurrentUsers.require().accountId();
        try {
            if (newPassword == null || !newPassword.equals(confirmPassword)) {
                throw new BusinessException("password.mismatch");
            }
            accounts.changeOwnPassword(id, oldPassword, newPassword, request.getRemoteAddr());
        } catch (BusinessException e) {
            model.addAttribute("error", messages.of(e));
            response.setStatus(422);
            return "account/password";
        }
        AccountUser fresh = accounts.principalOf(id);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        redirect.addFlashAttribute("notice", messages.get("password.changed"));
        return "redirect:/";
    }
}
