package org.anquan.accidents.investigation;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.anquan.accidents.reporting.AccidentService;
import org.anquan.platform.files.Spreadsheets;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.PageResult;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What follows an accident's report: the investigation report's file and recommendations, the
 * persons and units handled (and the city's list of them), the 瞒报/谎报 review, the serious-dishonesty
 * candidates, and the city office's notices of raised grades.
 */
@Controller
class AccidentFollowUpController {

    private final AccidentService accidents;
    private final Investigations investigations;
    private final Recommendations recommendations;
    private final Accountability accountability;
    private final CreditCandidates credit;
    private final Messages messages;
    private final Downloads downloads;

    AccidentFollowUpController(AccidentService accidents, Investigations investigations, Recommendations recommendations,
                               Accountability accountability, CreditCandidates credit, Messages messages, Downloads downloads) {
        this.accidents = accidents;
        this.investigations = investigations;
        this.recommendations = recommendations;
        this.accountability = accountability;
        this.credit = credit;
        this.messages = messages;
        this.downloads = downloads;
    }

    @PostMapping("/accidents/{id}/investigation/file")
    String uploadReport(@PathVariable long id, @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        byte[] bytes = file == null ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return Actions.run("/accidents/" + id, "investigation.file.done", redirect, () -> investigations.attachReport(id, name, bytes, me));
    }

    @GetMapping("/accidents/{id}/investigation/file")
    void downloadReport(@PathVariable long id, HttpServletResponse response) throws IOException {
        var f = investigations.reportFile(id, CurrentUsers.require()).orElseThrow(() -> new NotFoundException("investigation report", id));
        response.setContentType(f.contentType());
        // a PDF or Word document is downloaded, never opened in the site's origin
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(f.filename()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(f.content());
    }

    @PostMapping("/accidents/{id}/recommendations")
    String addRecommendation(@PathVariable long id, @RequestParam(required = false) String measure,
                             @RequestParam(required = false) String ownerUnit, @RequestParam(required = false) String ownerPerson,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                             RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        return Actions.run("/accidents/" + id, "recommendation.added", redirect, () -> recommendations.add(id, measure, ownerUnit, ownerPerson, deadline, me));
    }

    @PostMapping("/accidents/{id}/recommendations/{recommendationId}/{action:done|hazard}")
    String recommendation(@PathVariable long id, @PathVariable long recommendationId, @PathVariable String action,
                          @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        if ("done".equals(action)) {
            return Actions.run("/accidents/" + id, "recommendation.completed", redirect, () -> recommendations.complete(id, recommendationId, note, me));
        }
        return Actions.run("/accidents/" + id, "recommendation.hazard.opened", redirect, () -> recommendations.openHazard(id, recommendationId, me));
    }

    @PostMapping("/accidents/{id}/accountability")
    String addAccountability(@PathVariable long id, @ModelAttribute Accountability.Input input, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        return Actions.run("/accidents/" + id, "accountability.added", redirect, () -> accountability.add(id, input, me));
    }

    @PostMapping("/accidents/{id}/concealment")
    String concealment(@PathVariable long id, @RequestParam(defaultValue = "false") boolean confirmed,
                       @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.ACCIDENT_CLOSE);
        return Actions.run("/accidents/" + id, confirmed ? "accident.concealment.confirmed.done" : "accident.concealment.cleared.done", redirect,
                () -> accidents.reviewConcealment(id, confirmed, reason, me));
    }

    /** 责任追究台账: every person and unit handled for an accident in the reader's scope. */
    @GetMapping("/accidents/accountability")
    String accountabilityList(@RequestParam(required = false) Accountability.Measure measure, @RequestParam(required = false) Integer year,
                              @RequestParam(defaultValue = "1") int page, Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("result", PageResult.atMostLast(page, p -> accountability.page(measure, year, me.scope(), p, 50)));
        model.addAttribute("measure", measure);
        model.addAttribute("year", year);
        model.addAttribute("measures", Accountability.Measure.values());
        return "accidents/accountability";
    }

    @GetMapping("/accidents/accountability.xlsx")
    void accountabilityExport(@RequestParam(required = false) Accountability.Measure measure, @RequestParam(required = false) Integer year,
                              HttpServletResponse response) throws IOException {
        CurrentUser me = CurrentUsers.require();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(messages.get("accident.code"), messages.get("field.county"), messages.get("accountability.person"),
                messages.get("accountability.position"), messages.get("accountability.unit"), messages.get("accountability.measure"),
                messages.get("accountability.fine"), messages.get("accountability.detail"), messages.get("accountability.document"),
                messages.get("accountability.decidedOn")));
        for (var e : accountability.page(measure, year, me.scope(), 1, 100_000).items()) {
            rows.add(Arrays.asList(e.accidentCode(), e.countyName(), e.person(), e.position(), e.unit(),
                    messages.get(e.measure().messageKey()), e.fineYuan(), e.detail(), e.document(), e.decidedOn().toString()));
        }
        downloads.attach(response, Downloads.XLSX, ".xlsx", "download.accountability");
        Spreadsheets.writeTable(messages.get("accountability.list"), rows, response.getOutputStream());
    }

    /** 严重失信主体名单 candidates, and the city office's decision on each. */
    @GetMapping("/accidents/credit")
    String creditList(@RequestParam(required = false) String status, Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("candidates", credit.list(status, me.scope()));
        model.addAttribute("status", status);
        model.addAttribute("mayDecide", me.may(Permission.CREDIT_DECIDE));
        return "accidents/credit";
    }

    @PostMapping("/accidents/credit/{candidateId}")
    String decide(@PathVariable long candidateId, @RequestParam(defaultValue = "false") boolean confirm,
                  @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        me.require(Permission.CREDIT_DECIDE);
        return Actions.run("/accidents/credit", redirect, () -> {
            credit.decide(candidateId, confirm, reason, me);
            return confirm ? "credit.confirmed" : "credit.dismissed";
        });
    }

    @PostMapping("/accidents/notices/{noticeId}/read")
    String readNotice(@PathVariable long noticeId) {
        accidents.readNotice(noticeId, CurrentUsers.require());
        return "redirect:/accidents";
    }
}
