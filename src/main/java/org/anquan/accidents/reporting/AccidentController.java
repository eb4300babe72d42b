package org.anquan.accidents.reporting;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anquan.accidents.investigation.Accountability;
import org.anquan.accidents.investigation.Investigations;
import org.anquan.accidents.investigation.Recommendations;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 事故快报: the accident register, the report form and an accident's page. */
@Controller
class AccidentController {

    private final AccidentService service;
    private final Investigations investigations;
    private final Recommendations recommendations;
    private final Accountability accountability;
    private final Directory directory;
    private final Clock clock;
    private final Messages messages;

    AccidentController(AccidentService service, Investigations investigations,
                       Recommendations recommendations, Accountability accountability,
                       Directory directory, Clock clock, Messages messages) {
        this.recommendations = recommendations;
        this.accountability = accountability;
        this.investigations = investigations;
        this.messages = messages;
        this.service = service;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The form's fields: times as the city's clock reads them (a datetime field has no offset; the
     * city's zone gives it one), everything else as the report takes it.
     */
    record AccidentForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime learnedAt, String firstSource,
                        String industryCode, String kind, Long enterpriseId, String place, Double lon, Double lat, Long countyId,
                        String scene, String account, String measures, Integer deaths, Integer missing, Integer seriousInjuries,
                        Integer minorInjuries, Long directLossYuan, Long townshipId, String roadCause) {

        static AccidentForm empty() {
            return new AccidentForm(null, null, "UNIT", null, null, null, null, null, null, null, null, null, null, 0, 0, 0, 0, 0L,
                    null, null);
        }

        AccidentInput input(Clock clock) {
            return new AccidentInput(at(occurredAt, clock), at(learnedAt, clock), firstSource, industryCode, kind, enterpriseId, place,
                    lon, lat, countyId, scene, account, measures, deaths, missing, seriousInjuries, minorInjuries, directLossYuan,
                    townshipId, roadCause == null || roadCause.isBlank() ? null : roadCause);
        }

        private static OffsetDateTime at(LocalDateTime t, Clock clock) {
            return t == null ? null : t.atZone(clock.getZone()).toOffsetDateTime();
        }
    }

    @GetMapping("/accidents")
    String list(@RequestParam(required = false) Long countyId, @RequestParam(required = false) AccidentGrade grade,
                @RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                @RequestParam(defaultValue = "1") int page, Model model) {
        CurrentUser me = CurrentUsers.require();
        var filter = new AccidentService.Filter(countyId, grade, kind, year);
        model.addAttribute("result", PageResult.atMostLast(page, p -> service.page(filter, me.scope(), p, 50)));
        model.addAttribute("filter", filter);
        model.addAttribute("notices", service.unreadNotices(me.scope()));
        reference(model);
        return "accidents/list";
    }

    @GetMapping("/accidents/new")
    String form(Model model) {
        CurrentUsers.require().require(Permission.ACCIDENT_REPORT);
        model.addAttribute("form", AccidentForm.empty());
        reference(model);
        return "accidents/form";
    }

    @PostMapping("/accidents")
    String report(@ModelAttribute("form") AccidentForm form, BindingResult binding, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_REPORT);
        return Actions.page(binding, response, () -> {
            var a = service.report(form.input(clock), me);
            redirect.addFlashAttribute("noticeKey", "accident.reported");
            return "/accidents/" + a.id();
        }, () -> {
            model.addAttribute("enterpriseName", form.enterpriseId() == null ? null
                    : directory.enterprise(form.enterpriseId(), me.scope()).map(Directory.EnterpriseRef::name).orElse(null));
            reference(model);
            return "accidents/form";
        });
    }

    @GetMapping("/accidents/{id}")
    String detail(@PathVariable long id, Model model) {
        var a = service.get(id, CurrentUsers.require());
        model.addAttribute("a", a);
        model.addAttribute("supplements", service.supplements(id));
        model.addAttribute("gates", service.gates(id));
        model.addAttribute("chain", service.chain(a));
        model.addAttribute("authority", Investigations.Authority.of(a.grade()));
        model.addAttribute("investigation", investigations.of(id).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("allGates", AccidentService.Gate.values());
        model.addAttribute("supplementDeadline", service.supplementDeadline(a));
        model.addAttribute("recommendations", recommendations.of(id));
        model.addAttribute("accountability", accountability.of(id));
        model.addAttribute("measures", Accountability.Measure.values());
        model.addAttribute("concealment", service.concealmentOutcome(id).orElse(null));
        model.addAttribute("supplementOpen", !OffsetDateTime.now(clock).isAfter(service.supplementDeadline(a)));
        return "accidents/detail";
    }

    @PostMapping("/accidents/{id}/gates")
    String gate(@PathVariable long id, @RequestParam(required = false) AccidentService.Gate gate,
                @RequestParam(required = false) String note, @RequestParam(required = false) String evidence, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        return Actions.run("/accidents/" + id, "accident.gate.done", redirect, () -> service.recordGate(id, gate, note, evidence, me));
    }

    /** The investigation's steps: open it with its team, extend the report once, the report, extend the reply once, the reply. */
    @PostMapping("/accidents/{id}/investigation/{step:open|extend|report|reply-extend|reply}")
    String investigation(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String team,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                         @RequestParam(required = false) String reason, @RequestParam(required = false) String number,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                         RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        return Actions.run("/accidents/" + id, "investigation.done", redirect, () -> {
            switch (step) {
                case "open" -> investigations.open(id, team, me);
                case "extend" -> investigations.extendReport(id, to, reason, me);
                case "report" -> investigations.report(id, number, on, me);
                case "reply-extend" -> investigations.extendReply(id, me);
                default -> investigations.reply(id, number, on, me);
            }
        });
    }

    /** One level passes the report up to the next. */
    @PostMapping("/accidents/{id}/hops/{hop}")
    String passUp(@PathVariable long id, @PathVariable AccidentService.Hop hop, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_REPORT);
        return Actions.run("/accidents/" + id, "accident.hop.recorded", redirect, () -> service.passUp(id, hop, me));
    }

    /** 结案: only with all four gates met; a refusal names the ones missing. */
    @PostMapping("/accidents/{id}/close")
    String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
        CurrentUsers.require().require(Permission.ACCIDENT_CLOSE);
        try {
            service.close(id, CurrentUsers.require());
            redirect.addFlashAttribute("noticeKey", "accident.closed");
        } catch (AccidentService.GatesMissing e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", new Object[] {e.gates().stream().map(g -> messages.get(g.messageKey()))
                    .collect(Collectors.joining("、"))});
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
        }
        return "redirect:/accidents/" + id;
    }

    /** 补报/续报 from the accident's page. */
    @PostMapping("/accidents/{id}/supplements")
    String supplement(@PathVariable long id, @ModelAttribute AccidentService.Supplement form, BindingResult binding,
                      RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_REPORT);
        if (binding.hasErrors()) {
            redirect.addFlashAttribute("errorKey", "error.validation");
            return "redirect:/accidents/" + id;
        }
        return Actions.run("/accidents/" + id, redirect, () -> {
            var before = service.get(id, me).grade();
            var after = service.supplement(id, form, me);
            return after.grade().compareTo(before) > 0 ? "accident.supplement.raised" : "accident.supplement.done";
        });
    }

    private void reference(Model model) {
        model.addAttribute("counties", directory.counties());
        model.addAttribute("townships", directory.townships());
        model.addAttribute("countyMap", directory.cityMap());
        model.addAttribute("roadCauses", service.roadCauses());
        model.addAttribute("industries", directory.industries());
        model.addAttribute("kinds", service.kinds());
        model.addAttribute("grades", AccidentGrade.values());
        model.addAttribute("sources", AccidentService.SOURCES.stream().sorted().toList());
    }
}
