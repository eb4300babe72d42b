package org.anquan.alerts.warnings;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The officers' side of public warnings: the list, a new warning, and each one's steps to publication. */
@Controller
class AlertController {

    private final Alerts alerts;
    private final Directory directory;
    private final Clock clock;

    AlertController(Alerts alerts, Directory directory, Clock clock) {
        this.alerts = alerts;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/alerts")
    String list(Model model) {
        model.addAttribute("alerts", alerts.recent(100));
        return "alerts/list";
    }

    @GetMapping("/alerts/new")
    @RequiresPermission(Permission.ALERT_AUTHOR)
    String form(@RequestParam(required = false) Long update, Model model) {
        Alerts.AlertInput input = update == null ? new Alerts.AlertInput("Safety", null, "Expected", "Moderate", "Likely", null, null, null,
                List.of(), null, null, null) : fromAlert(alerts.get(update));
        return form(model, input, update, Map.of());
    }

    private static Alerts.AlertInput fromAlert(Alerts.Alert a) {
        return new Alerts.AlertInput(a.category(), a.event(), a.urgency(), a.severity(), a.certainty(), a.headline(), a.description(),
                a.instruction(), a.countyIds(), a.polygon(), null, null);
    }

    private String form(Model model, Alerts.AlertInput input, Long update, Map<String, String> errors) {
        model.addAttribute("input", input);
        model.addAttribute("update", update);
        if (!errors.isEmpty()) {
            // the refused form on the same page: every field's refusal beside its input and in the alert above
            model.addAttribute("fieldErrors", errors);
            model.addAttribute("errorKey", "form.has.errors");
        }
        model.addAttribute("counties", directory.counties());
        model.addAttribute("categories", List.of("Safety", "Fire", "Met", "Transport", "Geo", "Rescue", "Infra", "Env", "Health", "Other"));
        model.addAttribute("urgencies", Alerts.URGENCIES);
        model.addAttribute("severities", Alerts.SEVERITIES);
        model.addAttribute("certainties", Alerts.CERTAINTIES);
        return "alerts/form";
    }

    @PostMapping("/alerts")
    @RequiresPermission(Permission.ALERT_AUTHOR)
    String create(@RequestParam(required = false) String category, @RequestParam(required = false) String event,
                  @RequestParam(required = false) String urgency, @RequestParam(required = false) String severity,
                  @RequestParam(required = false) String certainty, @RequestParam(required = false) String headline,
                  @RequestParam(required = false) String description, @RequestParam(required = false) String instruction,
                  @RequestParam(required = false) List<Long> countyIds, @RequestParam(required = false) String polygon,
                  @RequestParam(required = false) String onset, @RequestParam(required = false) String expires,
                  @RequestParam(required = false) Long update, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        CurrentUser me = CurrentUsers.require();
        var input = new Alerts.AlertInput(category, event, urgency, severity, certainty, headline, description, instruction,
                countyIds == null ? List.of() : countyIds, polygon, onset, expires);
        try {
            long id = update == null ? alerts.draft(input, me) : alerts.update(update, input, me);
            redirect.addFlashAttribute("noticeKey", "alert.drafted");
            return "redirect:/alerts/" + id;
        } catch (InvalidInputException e) {
            response.setStatus(400);
            return form(model, input, update, e.fieldErrors());
        }
    }

    @GetMapping("/alerts/{id}")
    String detail(@PathVariable long id, Model model) {
        var a = alerts.get(id);
        model.addAttribute("a", a);
        model.addAttribute("referenced", a.referencesId() == null ? null : alerts.get(a.referencesId()));
        model.addAttribute("current", a.current(OffsetDateTime.now(clock)));
        return "alerts/detail";
    }

    @PostMapping("/alerts/{id}/submit")
    @RequiresPermission(Permission.ALERT_AUTHOR)
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return act(id, "alert.submitted", redirect, () -> alerts.submit(id, version, me));
    }

    @PostMapping("/alerts/{id}/withdraw")
    @RequiresPermission(Permission.ALERT_AUTHOR)
    String withdraw(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return act(id, "alert.withdrawn", redirect, () -> alerts.withdraw(id, version, me));
    }

    @PostMapping("/alerts/{id}/approve")
    @RequiresPermission(Permission.ALERT_APPROVE)
    String approve(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return act(id, "alert.published", redirect, () -> alerts.approve(id, version, me));
    }

    @PostMapping("/alerts/{id}/cancel")
    @RequiresPermission(Permission.ALERT_AUTHOR)
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.create("/alerts/" + id, "alert.cancel.drafted", redirect, () -> "/alerts/" + alerts.cancel(id, reason, me));
    }

    private static String act(long id, String doneKey, RedirectAttributes redirect, Runnable action) {
        return Actions.run("/alerts/" + id, doneKey, redirect, action);
    }
}
