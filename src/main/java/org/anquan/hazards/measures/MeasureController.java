package org.anquan.hazards.measures;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 制度措施清单: list, record, export. */
@Controller
class MeasureController {

    private final Downloads downloads;
    private final Measures measures;
    private final Directory directory;
    private final Messages messages;

    MeasureController(Measures measures, Directory directory, Messages messages, Downloads downloads) {
        this.downloads = downloads;
        this.measures = measures;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/hazards/measures")
    String list(Model model, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("measures", measures.list(me.scope(), locale));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Measures.MeasureInput.empty());
        }
        reference(model);
        return "hazards/measures";
    }

    @PostMapping("/hazards/measures")
    String create(@ModelAttribute("form") Measures.MeasureInput form, BindingResult binding, Model model, Locale locale,
                  RedirectAttributes redirect, HttpServletResponse response) {
        CurrentUser me = CurrentUsers.require();
        return Actions.page(binding, response, () -> {
            measures.create(form, me);
            redirect.addFlashAttribute("noticeKey", "saved");
            return "/hazards/measures";
        }, () -> {
            model.addAttribute("measures", measures.list(me.scope(), locale));
            reference(model);
            return "hazards/measures";
        });
    }

    @PostMapping("/hazards/measures/{id}")
    String edit(@PathVariable long id,
                @RequestParam(required = false) Integer version,
                @ModelAttribute Measures.MeasureChange change, BindingResult binding, RedirectAttributes redirect) {
        return change(redirect, "saved", () -> {
            if (binding.hasErrors()) {
                throw new InvalidInputException(Map.of("title", "error.validation"));
            }
            measures.edit(id, version, change, CurrentUsers.require());
        });
    }

    @PostMapping("/hazards/measures/{id}/complete")
    String complete(@PathVariable long id,
                    @RequestParam(required = false) Integer version,
                    @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate completedOn,
                    @RequestParam(required = false) String acceptedBy, RedirectAttributes redirect) {
        return change(redirect, "measure.completed", () -> measures.complete(id, version, completedOn, acceptedBy, CurrentUsers.require()));
    }

    @PostMapping("/hazards/measures/{id}/retire")
    String retire(@PathVariable long id,
                  @RequestParam(required = false) Integer version,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return change(redirect, "measure.retired", () -> measures.retire(id, version, reason, CurrentUsers.require()));
    }

    /** One change of a listed measure: done, or refused in words, and back to the list. */
    private String change(RedirectAttributes redirect, String doneKey, Runnable change) {
        return Actions.run("/hazards/measures", doneKey, redirect, change);
    }

    @GetMapping("/api/v1/hazards/measures")
    @ResponseBody
    List<Measures.MeasureRow> json(Locale locale) {
        return measures.list(CurrentUsers.require().scope(), locale);
    }

    @GetMapping("/hazards/measures.xlsx")
    void export(HttpServletResponse response, Locale locale) throws IOException {
        CurrentUser me = CurrentUsers.require();
        String office = messages.get("notice.supervision.office");
        // an enterprise user sees the city's measures: the city office is their unit
        String unit = me.scope().kind() == DataScope.Kind.ENTERPRISE ? office : directory.unitName(me.scope(), locale).orElse(office);
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.measures");
        measures.export(me.scope(), unit, locale, response.getOutputStream());
    }

    private void reference(Model model) {
        model.addAttribute("industries", directory.industries());
        model.addAttribute("regions", directory.cityAndCounties());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("categories", measures.categories());
    }
}
