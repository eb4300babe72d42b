package org.anquan.directory.enterprises;

import java.util.Locale;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.PickerOption;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Search-as-you-type for the enterprise picker: a name, a credit code or an address (see
 * {@link PickerOption} for the bounds), within the user's data scope. Answers the picker's list (an
 * htmx fragment), so that nobody types an enterprise's internal id.
 */
@Controller
class PickerController {

    private final EnterpriseQueries enterprises;

    PickerController(EnterpriseQueries enterprises) {
        this.enterprises = enterprises;
    }

    @GetMapping("/pickers/enterprises")
    String enterprises(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        PickerOption.answer(model, q, "picker.none", text -> enterprises.page(new EnterpriseFilter(null, null, null, text, "name"),
                        CurrentUsers.require().scope(), 1, PickerOption.CHOICES, locale).items().stream()
                .map(e -> new PickerOption(e.id(), e.name(), e.creditCode() + " · " + e.countyName()
                        + (e.address() == null ? "" : " · " + e.address())))
                .toList());
        return "fragments :: picker-options";
    }
}
