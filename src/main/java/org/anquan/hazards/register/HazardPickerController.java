package org.anquan.hazards.register;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.PickerOption;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Search-as-you-type for the hazard picker (a duplicate, say): its code or words of its description, within the scope. */
@Controller
class HazardPickerController {

    private final HazardQueries queries;
    private final Clock clock;

    HazardPickerController(HazardQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/pickers/hazards")
    String hazards(@RequestParam(defaultValue = "") String q, Model model, Locale locale) {
        PickerOption.answer(model, q, "picker.none.hazard", text -> queries.page(HazardFilter.text(text),
                        CurrentUsers.require().scope(), LocalDate.now(clock), 1, PickerOption.CHOICES, locale).items().stream()
                .map(h -> new PickerOption(h.id(), h.code(), (h.enterpriseName() != null ? h.enterpriseName() : h.place())
                        + " · " + (h.description().length() > 40 ? h.description().substring(0, 40) + "…" : h.description())))
                .toList());
        return "fragments :: picker-options";
    }
}
