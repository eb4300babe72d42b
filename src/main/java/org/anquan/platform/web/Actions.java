package org.anquan.platform.web;

import org.anquan.platform.files.TabularImport;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A step taken from a page (POST, then redirect back): run it and carry its outcome to the page in words
 * — the notice that it was done, or the first refusal of the input or the rule, or an import's refused
 * lines ({@code rejectedLines}, shown by the {@code rejected-lines} fragment) — never a stack trace.
 */
public final class Actions {

    private Actions() {
    }

    /**
     * Runs the step; returns the redirect to {@code back} with the notice {@code doneKey} (none when
     * null: the step leaves its own outcome) or the refusal as flash attributes.
     */
    public static String run(String back, String doneKey, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            if (doneKey != null) {
                redirect.addFlashAttribute("noticeKey", doneKey);
            }
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorKey", e.fieldErrors().values().iterator().next());
        } catch (TabularImport.Refused e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            redirect.addFlashAttribute("rejectedLines", e.lines());
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:" + back;
    }
}
