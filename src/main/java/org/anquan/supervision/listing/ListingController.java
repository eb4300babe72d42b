package org.anquan.supervision.listing;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.hazards.Hazards;
import org.anquan.platform.documents.OfficialDocument;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.web.Downloads;
import org.anquan.platform.web.Messages;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.anquan.shared.NotFoundException;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** 挂牌督办 by decision: listing from a hazard's page, its notice, delisting, and the public list. */
@Controller
class ListingController {

    /** How long a delisted hazard stays on the public page, showing that it was delisted. */
    static final int DELISTED_SHOWN_DAYS = 90;

    private final Listings listings;
    private final Hazards hazards;
    private final Directory directory;
    private final Messages messages;
    private final Downloads downloads;
    private final Clock clock;
    private final JsonMapper json;

    ListingController(Listings listings, Hazards hazards, Directory directory, Messages messages, Downloads downloads, Clock clock,
                      JsonMapper json) {
        this.listings = listings;
        this.hazards = hazards;
        this.directory = directory;
        this.messages = messages;
        this.downloads = downloads;
        this.clock = clock;
        this.json = json;
    }

    /** The hazard's listings and, for its office, the form to list or delist; loaded into the hazard's page. */
    @GetMapping("/supervision/hazards/{id}/listing")
    String forHazard(@PathVariable long id, Model model) {
        CurrentUser me = CurrentUsers.require();
        if (!hazards.visible(id, me.scope())) {
            throw new ScopeDeniedException("hazard", id);
        }
        model.addAttribute("hazardId", id);
        model.addAttribute("listings", listings.ofHazard(id));
        model.addAttribute("listable", listings.listable(id, me));
        model.addAttribute("office", listings.officeOf(me).orElse(null));
        model.addAttribute("today", LocalDate.now(clock));
        return "supervision/hazard-listing :: listing";
    }

    @PostMapping("/supervision/hazards/{id}/list")
    String list(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                @RequestParam(required = false) String responsiblePerson, @RequestParam(required = false) String requirements,
                RedirectAttributes redirect) {
        CurrentUsers.require().require(Permission.HAZARD_LIST);
        try {
            listings.list(id, new Listings.ListingInput(deadline, responsiblePerson, requirements), CurrentUsers.require());
            redirect.addFlashAttribute("noticeKey", "listing.done");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorKey", "listing.invalid");
            redirect.addFlashAttribute("errorArgs", new Object[] {e.fieldErrors().keySet().stream()
                    .map(f -> messages.get("listing.field." + f)).collect(Collectors.joining("、"))});
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/hazards/" + id;
    }

    @PostMapping("/supervision/listings/{id}/delist")
    String delist(@PathVariable long id, @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                  RedirectAttributes redirect) {
        CurrentUsers.require().require(Permission.HAZARD_LIST);
        Listings.Listing l = listings.get(id).orElseThrow(() -> new NotFoundException("supervision_listing", id));
        try {
            listings.delist(id, note, version, CurrentUsers.require());
            redirect.addFlashAttribute("noticeKey", "listing.delisted");
        } catch (InvalidInputException | OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errorKey", "error.conflict");
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        return "redirect:/hazards/" + l.hazardId();
    }

    /** 挂牌督办通知书, as Word, numbered by the listing office. */
    @GetMapping("/supervision/listings/{id}/notice.docx")
    void notice(@PathVariable long id, HttpServletResponse response, Locale locale) throws IOException {
        Listings.Listing l = listings.get(id).orElseThrow(() -> new NotFoundException("supervision_listing", id));
        if (!hazards.visible(l.hazardId(), CurrentUsers.require().scope())) {
            throw new ScopeDeniedException("supervision_listing", id);
        }
        String office = officeName(l);
        var doc = new OfficialDocument(messages.get("listing.notice.title"), l.documentNumber())
                .to(l.subject() + "、" + l.countyName() + "、" + l.departmentName())
                .paragraph(messages.get("listing.notice.body", office, l.subject(), l.hazardCode(), l.description()))
                .paragraph(messages.get("listing.notice.deadline", OfficialDocument.date(l.deadline(), locale), l.responsiblePerson()))
                .paragraph(messages.get("listing.notice.requirements", l.requirements()))
                .paragraph(messages.get("listing.notice.delisting", office))
                .signedBy(office, l.listedOn(), locale);
        downloads.attach(response, Downloads.DOCX, ".docx", "download.listing", l.hazardCode());
        doc.write(response.getOutputStream());
    }

    private String officeName(Listings.Listing l) {
        return l.cityOffice() ? messages.get("notice.supervision.office") : messages.get("listing.office.county", l.officeRegionName());
    }

    /** 挂牌督办: major hazards under listed supervision, and those delisted lately, published. Open to everyone. */
    @GetMapping("/public/listed")
    String published(Model model) {
        var all = listings.published(DELISTED_SHOWN_DAYS);
        model.addAttribute("listings", all);
        model.addAttribute("offices", all.stream().collect(Collectors.toMap(Listings.Listing::id, this::officeName)));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("shownDays", DELISTED_SHOWN_DAYS);
        model.addAttribute("cityMap", directory.cityMap());
        model.addAttribute("points", json.writeValueAsString(listings.publishedPoints()));
        return "supervision/listed";
    }
}
