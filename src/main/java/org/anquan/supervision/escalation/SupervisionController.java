package org.anquan.supervision.escalation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.anquan.directory.Directory;
import org.anquan.hazards.Hazards;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.ListUrls;
import org.anquan.platform.web.Messages;
import org.anquan.shared.CityTime;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SupervisionController {

    private final Downloads downloads;
    private final SupervisionQueries queries;
    private final EscalationSweep sweep;
    private final StepAnswers answers;
    private final StepOutcomes outcomes;
    private final Hazards hazards;
    private final Directory directory;
    private final Messages messages;
    private final Clock clock;

    SupervisionController(SupervisionQueries queries, EscalationSweep sweep, StepAnswers answers,
                          StepOutcomes outcomes, Hazards hazards, Directory directory,
                          Messages messages, Clock clock, Downloads downloads) {
        this.downloads = downloads;
        this.outcomes = outcomes;
        this.messages = messages;
        this.queries = queries;
        this.sweep = sweep;
        this.answers = answers;
        this.hazards = hazards;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/supervision")
    String list(@RequestParam(required = false) EscalationLevel level, @RequestParam(required = false) Long countyId,
                @RequestParam(required = false) Boolean awaiting, @RequestParam(defaultValue = "false") boolean every,
                @RequestParam(defaultValue = "1") int page, Model model, Locale locale) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("result", PageResult.atMostLast(page,
                p -> queries.page(level, countyId, awaiting, every, me.scope(), p, 50, locale)));
        model.addAttribute("every", every);
        model.addAttribute("levels", EscalationLevel.values());
        model.addAttribute("outcomeKinds", List.of(StepOutcome.INTERVIEWED,
                StepOutcome.TRANSFERRED, StepOutcome.OTHER));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("level", level);
        model.addAttribute("countyId", countyId);
        model.addAttribute("awaiting", awaiting);
        model.addAttribute("today", LocalDate.now(clock));
        return "supervision/list";
    }

    /** The ladder of one hazard, loaded into the hazard's page. */
    @GetMapping("/supervision/hazards/{id}")
    String forHazard(@PathVariable long id, Model model, Locale locale) {
        if (!hazards.visible(id, CurrentUsers.require().scope())) {
            throw new ScopeDeniedException("hazard", id);
        }
        model.addAttribute("steps", queries.forHazard(id, locale));
        model.addAttribute("today", LocalDate.now(clock));
        return "supervision/hazard-steps :: steps";
    }

    /** 督办通知书 to the responsible department, as Word. */
    @GetMapping("/supervision/steps/{id}/notice.docx")
    void notice(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        StepRow step = queries.step(id, locale).orElseThrow(() -> new NotFoundException("step", id));
        if (!hazards.visible(step.hazardId(), CurrentUsers.require().scope())) {
            throw new ScopeDeniedException("supervision_step", id);
        }
        LocalDate today = LocalDate.now(clock);
        Function<LocalDate, String> day = d -> OfficialDocument.date(d, locale);
        var doc = new OfficialDocument(messages.get("notice.supervision.title"),
                step.noticeNumber() != null ? step.noticeNumber() : messages.get("notice.number.none"))
                .to(step.departmentName() + "、" + step.countyName())
                .paragraph(step.stage() == Stage.RECTIFY
                        ? messages.get("notice.supervision.body", step.hazardCode(), step.subject(), day.apply(step.hazardDeadline()),
                                step.daysOverdueAt(CityTime.dayOf(step.createdAt(), clock)))
                        : messages.get("notice.supervision.wait", step.hazardCode(), step.subject(), messages.get(step.stage().messageKey())))
                .paragraph(messages.get(step.reason()))
                .paragraph(messages.get("notice.supervision.requirement",
                        day.apply(step.answerDeadline() != null ? step.answerDeadline() : today.plusDays(5))))
                .signedBy(messages.get("notice.supervision.office"), CityTime.dayOf(step.createdAt(), clock), locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.supervision", step.hazardCode(), step.level().rank());
        doc.write(response.getOutputStream());
    }

    /** The list's filters a form posted from it returns to. */
    private static final List<String> LIST_PARAMS = List.of("level", "countyId", "awaiting", "every", "page");

    @PostMapping("/supervision/steps/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer,
                  @RequestParam(name = "back", required = false) String back, RedirectAttributes redirect) {
        return Actions.run(ListUrls.returnTo("/supervision", back == null ? "awaiting=true" : back, LIST_PARAMS), "step.answered", redirect,
                () -> answers.answer(id, answer, CurrentUsers.require()));
    }

    /** The city office records how a step ended: an interview held, a case transferred. */
    @PostMapping("/admin/supervision/steps/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam(required = false) String kind,
                   @RequestParam(required = false) String note, @RequestParam(name = "back", required = false) String back,
                   RedirectAttributes redirect) {
        return Actions.run(ListUrls.returnTo("/supervision", back, LIST_PARAMS), "step.outcome.recorded", redirect,
                () -> outcomes.record(id, parseOutcome(kind), note, CurrentUsers.require()));
    }

    private static StepOutcome parseOutcome(String kind) {
        try {
            return kind == null ? null : StepOutcome.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/admin/supervision/sweep")
    String runSweep(RedirectAttributes redirect) {
        var result = sweep.run(CurrentUsers.require().username());
        if (result.isPresent()) {
            redirect.addFlashAttribute("sweep", result.get());
        } else {
            redirect.addFlashAttribute("errorKey", "sweep.busy");
            redirect.addFlashAttribute("errorArgs", sweep.busyReason());
        }
        return "redirect:/supervision";
    }
}
