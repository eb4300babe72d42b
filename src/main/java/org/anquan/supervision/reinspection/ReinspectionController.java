package org.anquan.supervision.reinspection;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Actions;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 回头看: the monthly draws, their hazards and results, and failures per accepting department. */
@Controller
class ReinspectionController {

    private final Reinspections reinspections;
    private final Directory directory;
    private final Clock clock;

    ReinspectionController(Reinspections reinspections, Directory directory, Clock clock) {
        this.reinspections = reinspections;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/supervision/reinspections")
    String list(Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("draws", reinspections.draws(me.scope()));
        Map<Long, Long> failures = reinspections.failuresByDepartment();
        model.addAttribute("failures", failures.entrySet().stream()
                .map(e -> Map.entry(directory.department(e.getKey()).map(d -> d.name(LocaleContextHolder.getLocale())).orElse("?"), e.getValue()))
                .toList());
        model.addAttribute("lastMonth", YearMonth.now(clock).minusMonths(1).toString());
        return "supervision/reinspections";
    }

    @GetMapping("/supervision/reinspections/{drawId}")
    String draw(@PathVariable long drawId, Model model) {
        CurrentUser me = CurrentUsers.require();
        var draw = reinspections.draws(me.scope()).stream().filter(d -> d.id() == drawId).findFirst()
                .orElseThrow(() -> reinspections.exists(drawId) ? new ScopeDeniedException("reinspection_draw", drawId)
                        : new NotFoundException("draw", drawId));
        model.addAttribute("draw", draw);
        model.addAttribute("items", reinspections.items(drawId, me.scope()));
        model.addAttribute("verification", reinspections.verify(drawId));
        model.addAttribute("defaultDeadline", LocalDate.now(clock).plusDays(15));
        return "supervision/reinspection";
    }

    @PostMapping("/admin/supervision/reinspections/draw")
    String drawMonth(@RequestParam String month, RedirectAttributes redirect) {
        YearMonth ym;
        try {
            ym = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            redirect.addFlashAttribute("errorKey", "reinspection.month.invalid");
            return "redirect:/supervision/reinspections";
        }
        if (!ym.isBefore(YearMonth.now(clock))) {
            redirect.addFlashAttribute("errorKey", "reinspection.month.future");
            return "redirect:/supervision/reinspections";
        }
        var made = reinspections.drawMonth(ym, CurrentUsers.require().username());
        redirect.addFlashAttribute("noticeKey", made.isPresent() ? "reinspection.drawn" : "reinspection.busy");
        return "redirect:/supervision/reinspections";
    }

    @PostMapping("/supervision/reinspections/{drawId}/items/{itemId}")
    String record(@PathVariable long drawId, @PathVariable long itemId, @RequestParam(defaultValue = "false") boolean passed,
                  @RequestParam(required = false) String note,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                  RedirectAttributes redirect) {
        return Actions.run("/supervision/reinspections/" + drawId, redirect, () -> {
            reinspections.record(drawId, itemId, passed, note, deadline, CurrentUsers.require());
            return passed ? "reinspection.passed" : "reinspection.failed";
        });
    }
}
