package org.anquan.platform.web;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import org.anquan.platform.files.FileJobs;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.shared.NotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The person's background files: how far each has come, and the file when it is done. */
@Controller
class FileJobController {

    private final FileJobs jobs;

    FileJobController(FileJobs jobs) {
        this.jobs = jobs;
    }

    @GetMapping("/jobs")
    String list(Model model) {
        model.addAttribute("jobs", jobs.recent(CurrentUsers.require().accountId()));
        return "jobs/list";
    }

    @GetMapping("/jobs/{id}")
    String job(@PathVariable String id, HtmxRequest htmx, Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("job", jobs.find(id, me.accountId()).orElseThrow(() -> new NotFoundException("job", id)));
        return htmx.isHtmxRequest() ? "jobs/job :: progress" : "jobs/job";
    }

    @GetMapping("/jobs/{id}/file")
    ResponseEntity<byte[]> file(@PathVariable String id) {
        CurrentUser me = CurrentUsers.require();
        FileJobs.File file = jobs.file(id, me.accountId()).orElseThrow(() -> new NotFoundException("job", id));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, Downloads.attachment(file.filename()))
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(file.content());
    }
}
