package org.anquan.alerts.warnings;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.anquan.platform.web.Messages;
import org.anquan.shared.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What the public reads without an account: the warnings in force on a page for phones, each published
 * message as CAP XML at a stable address, and the Atom feed of the warnings in force.
 */
@Controller
class PublicAlertController {

    private final Alerts alerts;
    private final Messages messages;
    private final Clock clock;

    PublicAlertController(Alerts alerts, Messages messages, Clock clock) {
        this.alerts = alerts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/public/alerts")
    String list(Model model) {
        model.addAttribute("alerts", alerts.current());
        return "alerts/public";
    }

    @GetMapping("/public/alerts/{id:\\d+}")
    String one(@PathVariable long id, Model model) {
        var a = alerts.published(id).orElseThrow(() -> new NotFoundException("alert", id));
        model.addAttribute("alerts", List.of(a));
        model.addAttribute("single", true);
        model.addAttribute("inForce", a.current(OffsetDateTime.now(clock)));
        return "alerts/public";
    }

    @GetMapping("/public/alerts/{id:\\d+}.xml")
    ResponseEntity<String> cap(@PathVariable long id) {
        var a = alerts.published(id).orElseThrow(() -> new NotFoundException("alert", id));
        return ResponseEntity.ok().contentType(new MediaType("application", "cap+xml", StandardCharsets.UTF_8))
                .header("X-Content-Type-Options", "nosniff").body(a.capXml());
    }

    @GetMapping("/public/alerts.atom")
    ResponseEntity<String> feed() {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        List<Alerts.Alert> current = alerts.current();
        OffsetDateTime updated = current.isEmpty() ? OffsetDateTime.now(clock) : current.get(0).sentAt();
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">");
        el(x, "id", base + "/public/alerts.atom");
        el(x, "title", messages.get("alert.feed.title"));
        el(x, "updated", CapMessages.time(inCity(updated)));
        x.append("<link rel=\"self\" href=\"").append(attr(base + "/public/alerts.atom")).append("\"/>");
        x.append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(attr(base + "/public/alerts")).append("\"/>");
        for (Alerts.Alert a : current) {
            x.append("<entry>");
            el(x, "id", "urn:cap:" + a.identifier());
            el(x, "title", a.headline());
            el(x, "updated", CapMessages.time(inCity(a.sentAt())));
            x.append("<author>");
            el(x, "name", messages.get("alert.feed.author"));
            x.append("</author>");
            el(x, "summary", a.description());
            x.append("<link rel=\"alternate\" type=\"application/cap+xml\" href=\"").append(attr(base + "/public/alerts/" + a.id() + ".xml")).append("\"/>");
            x.append("<link rel=\"related\" type=\"text/html\" href=\"").append(attr(base + "/public/alerts/" + a.id())).append("\"/>");
            x.append("</entry>");
        }
        x.append("</feed>\n");
        return ResponseEntity.ok().contentType(new MediaType("application", "atom+xml", StandardCharsets.UTF_8))
                .body(x.toString());
    }

    private OffsetDateTime inCity(OffsetDateTime t) {
        return t.atZoneSameInstant(clock.getZone()).toOffsetDateTime();
    }

    private static void el(StringBuilder x, String name, String text) {
        x.append('<').append(name).append('>').append(text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))
                .append("</").append(name).append('>');
    }

    private static String attr(String s) {
        return s.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }
}
