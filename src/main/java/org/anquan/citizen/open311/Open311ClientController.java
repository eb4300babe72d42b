package org.anquan.citizen.open311;

import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator issues and revokes the api_keys of the applications that post through Open311. */
@Controller
class Open311ClientController {

    private final Open311Clients clients;

    Open311ClientController(Open311Clients clients) {
        this.clients = clients;
    }

    @GetMapping("/admin/open311")
    String list(Model model) {
        model.addAttribute("clients", clients.list());
        return "citizen/clients";
    }

    /** The new key is shown on this answer only (not through a redirect, which would keep it in the session). */
    @PostMapping("/admin/open311")
    String issue(@RequestParam(required = false) String name, Model model) {
        try {
            model.addAttribute("issued", clients.issue(name, CurrentUsers.require()));
        } catch (InvalidInputException e) {
            model.addAttribute("errorKey", e.fieldErrors().values().iterator().next());
        }
        return list(model);
    }

    @PostMapping("/admin/open311/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        clients.revoke(id, CurrentUsers.require());
        redirect.addFlashAttribute("noticeKey", "open311.clients.revoked.done");
        return "redirect:/admin/open311";
    }
}
