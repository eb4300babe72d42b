package org.anquan.workbench;

import java.time.Clock;
import java.time.LocalDate;
import org.anquan.directory.Directory;
import org.anquan.hazards.Hazards;
import org.anquan.supervision.Supervision;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
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

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = CurrentUsers.require();
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("enterpriseCount", directory.enterpriseCount(me.scope()));
        model.addAttribute("licencesExpiring", directory.licencesExpiringWithin(30, me.scope(), today));
        model.addAttribute("today", today);
        model.addAttribute("hazards", hazards.summary(me.scope()));
        model.addAttribute("unread", supervision.unread(me.scope()));
        model.addAttribute("rank", hazards.rankOf(me.scope()).orElse(null));
        return "home";
    }
}
