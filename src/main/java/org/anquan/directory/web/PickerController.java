package org.anquan.directory.web;

import java.util.List;
import java.util.Locale;
import org.anquan.directory.domain.EnterpriseFilter;
import org.anquan.directory.domain.EnterpriseQueries;
import org.anquan.platform.security.CurrentUsers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search-as-you-type for the enterprise picker: two to fifty characters of a name, a credit code
 * or an address; at most ten choices, within the user's data scope. Answers the picker's list (an
 * htmx fragment), so that nobody types an enterprise's internal id.
 */
@Controller
class PickerController {

    static final int MIN = 2;
    static final int MAX = 50;
    static final int CHOICES = 10;

    /** One choice of a picker: the id travels hidden, the label is what the person sees. */
    record Option(long id, String label, String detail) {
    }

    private final EnterpriseQueries enterprises;

    PickerController(EnterpriseQueries enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping("/pickers/enterprises")
    String enterprises(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        String text = q.strip();
        if (text.length() < MIN) {
            model.addAttribute("hintKey", "picker.too.short");
        } else if (text.length() > MAX) {
            model.addAttribute("hintKey", "picker.too.long");
        } else {
            List<Option> options = enterprises.page(new EnterpriseFilter(null, null, null, text, "name"),
                            CurrentUsers.require().scope(), 1, CHOICES, locale).items().stream()
                    .map(e -> new Option(e.id(), e.name(), e.creditCode() + " · " + e.countyName()
                            + (e.address() == null ? "" : " · " + e.address())))
                    .toList();
            model.addAttribute("options", options);
            if (options.isEmpty()) {
                model.addAttribute("hintKey", "picker.none");
            }
        }
        return "fragments :: picker-options";
    }
}
