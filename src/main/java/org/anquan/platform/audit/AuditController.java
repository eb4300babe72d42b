package org.anquan.platform.audit;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.anquan.shared.PageResult;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** The administrator's view of the audit trail, with the chain check. */
@Controller
class AuditController {

    private final AuditTrail trail;
    private final AuditCheckpoints checkpoints;
    private final JsonMapper json;
    private final Clock clock;

    AuditController(AuditTrail trail, AuditCheckpoints checkpoints, JsonMapper json,
                    Clock clock) {
        this.trail = trail;
        this.checkpoints = checkpoints;
        this.json = json;
        this.clock = clock;
    }

    /** Signs the chain's head now. */
    @PostMapping("/admin/audit/checkpoint")
    String checkpoint(RedirectAttributes redirect) {
        var cp = checkpoints.make();
        redirect.addFlashAttribute("noticeKey", "audit.checkpoint.made");
        redirect.addFlashAttribute("checkpoint", cp.lastId());
        return "redirect:/admin/audit";
    }

    /** The newest signed checkpoint, to keep apart from the database. */
    @GetMapping("/admin/audit/checkpoint.json")
    ResponseEntity<String> download(Locale locale) {
        var cp = checkpoints.latest();
        String name = ("en".equals(locale.getLanguage()) ? "audit-checkpoint-" : "审计检查点-")
                + LocalDate.now(clock) + "-" + cp.lastId() + ".json";
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                        .attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(json.writeValueAsString(cp));
    }

    /** Checks a kept checkpoint against the chain as it is now. */
    @PostMapping("/admin/audit/checkpoint/verify")
    String verifyCheckpoint(@RequestParam(required = false) MultipartFile file,
                            RedirectAttributes redirect) {
        AuditCheckpoints.Checkpoint cp;
        try {
            if (file == null || file.isEmpty() || file.getSize() > 64 * 1024) {
                throw new IllegalArgumentException("no checkpoint");
            }
            cp = json.readValue(file.getBytes(), AuditCheckpoints.Checkpoint.class);
            if (cp.lastHash() == null || cp.createdAt() == null || cp.keyId() == null || cp.signature() == null) {
                throw new IllegalArgumentException("incomplete checkpoint");
            }
        } catch (IOException | RuntimeException e) {
            redirect.addFlashAttribute("errorKey", "audit.checkpoint.unreadable");
            return "redirect:/admin/audit";
        }
        var check = checkpoints.check(cp);
        redirect.addFlashAttribute("checkpointCheck", check);
        redirect.addFlashAttribute("checkpointId", cp.lastId());
        return "redirect:/admin/audit";
    }

    @GetMapping("/admin/audit")
    String list(@ModelAttribute("q") AuditQuery q, @RequestParam(defaultValue = "1") int page,
                @RequestParam(required = false) Integer size, HtmxRequest htmx, Model model) {
        model.addAttribute("result", trail.search(q, Math.max(page, 1), PageResult.clampSize(size)));
        return htmx.isHtmxRequest() ? "admin/audit :: table" : "admin/audit";
    }

    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("verification", trail.verify());
        return "redirect:/admin/audit";
    }
}
