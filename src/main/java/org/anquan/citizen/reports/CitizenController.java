package org.anquan.citizen.reports;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The officers' side of citizen reports: the queue of the scope (pending moderation, open, clues),
 * a report with its routing, duplicate offers, photos, attributes, replies and notes, and the steps.
 */
@Controller
class CitizenController {

    private final CitizenQueries queries;
    private final Handling handling;
    private final CitizenProperties props;
    private final CitizenNames names;

    CitizenController(CitizenQueries queries, Handling handling, CitizenProperties props, CitizenNames names) {
        this.queries = queries;
        this.handling = handling;
        this.props = props;
        this.names = names;
    }

    @GetMapping("/citizen")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String kind,
                 @RequestParam(defaultValue = "1") int page, Model model,
                 @RequestHeader(name = "HX-Request", required = false) String htmx) {
        CurrentUser me = CurrentUsers.require();
        ReportStatus s = null;
        if (status != null && !status.isBlank() && !"waiting".equals(status) && !"all".equals(status)) {
            try {
                s = ReportStatus.valueOf(status);
            } catch (IllegalArgumentException e) {
                s = null;
            }
        }
        Boolean tip = "tip".equals(kind) ? Boolean.TRUE : "report".equals(kind) ? Boolean.FALSE : null;
        boolean waiting = s == null && !"all".equals(status);
        model.addAttribute("result", queries.queue(new CitizenQueries.QueueFilter(s, tip, waiting), me, Math.max(1, page), 30));
        model.addAttribute("status", s != null ? s.name() : waiting ? "waiting" : "all");
        model.addAttribute("kind", tip == null ? "" : kind);
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("citizenNames", names);
        return "true".equals(htmx) ? "citizen/queue :: table" : "citizen/queue";
    }

    @GetMapping("/citizen/{id}")
    String detail(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        var r = queries.detail(id, me);
        model.addAttribute("r", r);
        model.addAttribute("replies", queries.replies(id));
        model.addAttribute("duplicates", r.status() == ReportStatus.PENDING || r.status() == ReportStatus.OPEN
                ? queries.duplicates(r, props.duplicateRadiusMeters(), props.duplicateWindow()) : List.of());
        model.addAttribute("reward", r.tip() ? handling.rewardOf(id).orElse(null) : null);
        model.addAttribute("bands", new TreeMap<>(props.rewardBands()));
        model.addAttribute("rejectReasons", Handling.RejectReason.values());
        model.addAttribute("radius", props.duplicateRadiusMeters());
        model.addAttribute("citizenNames", names);
        return "citizen/detail";
    }

    /** Shows the reporter's contact on the report's page: a POST, because each look is written to the audit trail. */
    @PostMapping("/citizen/{id}/contact")
    String contact(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        Handling.Contact contact = handling.contact(id, me);
        model.addAttribute("contact", contact);
        return detail(id, model);
    }

    @PostMapping("/citizen/{id}/accept")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String accept(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.accept", redirect, () -> handling.accept(id, version, me));
    }

    @PostMapping("/citizen/{id}/reject")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String reject(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.reject", redirect, () -> handling.reject(id, version, reason(reason), me));
    }

    private static Handling.RejectReason reason(String reason) {
        try {
            return reason == null ? null : Handling.RejectReason.valueOf(reason);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/citizen/{id}/merge")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String merge(@PathVariable long id, @RequestParam int version, @RequestParam long into, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.merge", redirect, () -> handling.merge(id, version, into, me));
    }

    @PostMapping("/citizen/{id}/hazard")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String hazard(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String description,
                  RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.hazard", redirect, () -> handling.toHazard(id, version, description, me));
    }

    @PostMapping("/citizen/{id}/clue")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String clue(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.clue", redirect, () -> handling.toClue(id, version, note, me));
    }

    @PostMapping("/citizen/{id}/close")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reply, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.close", redirect, () -> handling.close(id, version, reply, me));
    }

    @PostMapping("/citizen/{id}/reply")
    @RequiresPermission(Permission.CITIZEN_HANDLE)
    String reply(@PathVariable long id, @RequestParam(required = false) String body, @RequestParam(defaultValue = "false") boolean visible,
                 RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, visible ? "citizen.done.reply" : "citizen.done.note", redirect, () -> handling.reply(id, body, visible, me));
    }

    @PostMapping("/citizen/{id}/reward")
    @RequiresPermission(Permission.TIP_HANDLE)
    String proposeReward(@PathVariable long id, @RequestParam(required = false) String band, @RequestParam(required = false) String amount,
                         @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.reward.propose", redirect, () -> handling.proposeReward(id, band, yuan(amount), reason, me));
    }

    private static BigDecimal yuan(String amount) {
        try {
            return amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(Map.of("amount", "citizen.reward.amount.invalid"));
        }
    }

    @PostMapping("/citizen/{id}/reward/approve")
    @RequiresPermission(Permission.TIP_HANDLE)
    String approveReward(@PathVariable long id, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.reward.approve", redirect, () -> handling.approveReward(id, me));
    }

    @PostMapping("/citizen/{id}/reward/pay")
    @RequiresPermission(Permission.TIP_HANDLE)
    String payReward(@PathVariable long id, @RequestParam(required = false) String reference, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/citizen/" + id, "citizen.done.reward.pay", redirect, () -> handling.payReward(id, reference, me));
    }

    @GetMapping("/citizen/photos/{photoId}")
    ResponseEntity<byte[]> photo(@PathVariable long photoId) {
        var p = queries.photo(photoId, CurrentUsers.require()).orElseThrow(() -> new NotFoundException("photo", photoId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).cacheControl(CacheControl.noStore())
                .header("X-Content-Type-Options", "nosniff").body(p.content());
    }
}
