package org.anquan.supervision.inbox;

import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.PageResult;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 督办消息: the inbox of a department or county officer. */
@Controller
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/inbox")
    String list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "1") int page,
                Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("hasInbox", Inbox.hasInbox(me.scope()));
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("result", PageResult.atMostLast(page, p -> inbox.page(me.scope(), unread, p, 50)));
        return "supervision/inbox";
    }

    @PostMapping("/inbox/{messageId}/read")
    String read(@PathVariable long messageId, @RequestParam(defaultValue = "false") boolean unread) {
        inbox.markRead(messageId, CurrentUsers.require());
        return "redirect:/inbox" + (unread ? "?unread=true" : "");
    }

    @PostMapping("/inbox/read-all")
    String readAll(RedirectAttributes redirect) {
        redirect.addFlashAttribute("markedRead", inbox.markAllRead(CurrentUsers.require()));
        return "redirect:/inbox";
    }
}
