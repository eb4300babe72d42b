package org.anquan.workbench;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.anquan.directory.Directory;
import org.anquan.hazards.HazardSummary;
import org.anquan.hazards.Hazards;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.supervision.Supervision;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final Directory directory;
    private final Hazards hazards;
    private final Supervision supervision;
    private final Clock clock;

    HomeController(Directory directory, Hazards hazards, Supervision supervision, Clock clock) {
        this.directory = directory;
        this.hazards = hazards;
        this.supervision = supervision;
        this.clock = clock;
    }

    /** A card of work waiting for the user: what, how many, and the list that holds exactly those. */
    record Card(String labelKey, long count, String href, String test, boolean urgent) {
    }

    /** Only the work this user's permissions let them do; a read-only role has none. */
    static List<Card> cards(CurrentUser me, HazardSummary h, long unread) {
        List<Card> cards = new ArrayList<>();
        if (me.may(Permission.HAZARD_VERIFY)) {
            cards.add(new Card("home.card.reported", h.reported(), "/hazards?status=REPORTED", "card-reported", false));
        }
        if (me.may(Permission.HAZARD_ASSIGN)) {
            cards.add(new Card("home.card.verified", h.verified(), "/hazards?status=VERIFIED", "card-verified", false));
        }
        if (me.may(Permission.HAZARD_RECTIFY)) {
            cards.add(new Card("home.card.assigned", h.assigned(), "/hazards?status=ASSIGNED", "card-assigned", false));
            cards.add(new Card("home.card.rectifying", h.rectifying(), "/hazards?status=RECTIFYING", "card-rectifying", false));
        }
        if (me.may(Permission.HAZARD_ACCEPT)) {
            cards.add(new Card("home.card.submitted", h.submitted(), "/hazards?status=SUBMITTED", "card-submitted", false));
        }
        if (me.may(Permission.HAZARD_RECTIFY) || me.may(Permission.HAZARD_ACCEPT)) {
            cards.add(new Card("home.card.overdue", h.overdue(), "/hazards?overdue=true", "card-overdue", h.overdue() > 0));
        }
        if (me.may(Permission.INBOX_USE)) {
            cards.add(new Card("home.card.unread", unread, "/inbox?unread=true", "card-unread", false));
        }
        return cards;
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("enterpriseCount", directory.enterpriseCount(me.scope()));
        model.addAttribute("licencesExpiring", directory.licencesExpiringWithin(30, me.scope(), today));
        model.addAttribute("today", today);
        HazardSummary summary = hazards.summary(me.scope());
        model.addAttribute("hazards", summary);
        long unread = supervision.unread(me.scope());
        model.addAttribute("unread", unread);
        model.addAttribute("cards", cards(me, summary, unread));
        if (me.scope().isCity()) {
            model.addAttribute("weeks", hazards.lastTwelveWeeks(me.scope()));
            model.addAttribute("byCounty", hazards.openByCounty(me.scope()));
        }
        model.addAttribute("rank", hazards.rankOf(me.scope()).orElse(null));
        return "home";
    }
}
