package org.anquan.accidents.web;

import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An action taken from an accident's page: run it and come back to the page with the outcome in words. */
final class AccidentActions {

    private AccidentActions() {
    }

    static String act(long id, String doneKey, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("noticeKey", doneKey);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorKey", e.fieldErrors().values().iterator().next());
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/accidents/" + id;
    }
}
