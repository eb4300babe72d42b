package org.anquan.traffic.seizures;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.Downloads;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Illegal and non-standard vehicles seized, their disposition with its proof, and the sources they are traced to. */
@Controller
class SeizureController {

    private final Seizures seizures;
    private final Directory directory;
    private final Clock clock;

    SeizureController(Seizures seizures, Directory directory, Clock clock) {
        this.seizures = seizures;
        this.directory = directory;
        this.clock = clock;
    }

    @GetMapping("/traffic/seizures")
    String seizureList(Model model) {
        CurrentUser me = CurrentUsers.require();
        model.addAttribute("seizures", seizures.list(me.scope(), 200));
        model.addAttribute("dispositions", seizures.byDisposition(me.scope()));
        model.addAttribute("sources", seizures.sources());
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyNames", directory.countyNames());
        model.addAttribute("kinds", Seizures.KINDS);
        model.addAttribute("outcomes", Seizures.DISPOSITIONS);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("deadline", LocalDate.now(clock).plusDays(30));
        return "traffic/seizures";
    }

    @PostMapping("/traffic/seizures")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String seize(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate seizedOn,
                 @RequestParam(required = false) Long countyId, @RequestParam(required = false) String place,
                 @RequestParam(required = false) String seizedBy, @RequestParam(required = false) String plate,
                 @RequestParam(required = false) String vin, @RequestParam(required = false) String kind,
                 @RequestParam(required = false) String description, @RequestParam(required = false) String producer,
                 @RequestParam(required = false) String producerPlace, @RequestParam(required = false) String seller,
                 @RequestParam(required = false) String sellerPlace, @RequestParam(required = false) String modifier,
                 @RequestParam(required = false) String modifierPlace, RedirectAttributes redirect) {
        return Actions.run("/traffic/seizures", "traffic.seizure.recorded", redirect, () -> seizures.record(new Seizures.SeizureInput(seizedOn,
                countyId, place, seizedBy, plate, vin, kind, description, producer, producerPlace, seller, sellerPlace, modifier, modifierPlace),
                CurrentUsers.require()));
    }

    @PostMapping("/traffic/seizures/{id}/disposition")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String dispose(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String disposition,
                   @RequestParam(required = false) String proof,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disposedOn,
                   @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        byte[] bytes = file == null || file.isEmpty() ? null : file.getBytes();
        String name = file == null ? null : file.getOriginalFilename();
        return Actions.run("/traffic/seizures", "traffic.seizure.disposed.done", redirect,
                () -> seizures.dispose(id, version, disposition, proof, disposedOn, bytes, name, CurrentUsers.require()));
    }

    @GetMapping("/traffic/seizures/{id}/proof")
    ResponseEntity<byte[]> proof(@PathVariable long id) {
        return seizures.proof(id, CurrentUsers.require().scope())
                .map(f -> Downloads.stored(f.filename(), f.contentType(), f.content()))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }

    @PostMapping("/traffic/seizures/sources/{id}/hazard")
    @RequiresPermission(Permission.TRAFFIC_CASE)
    String sourceHazard(@PathVariable long id, @RequestParam(required = false) String description,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline,
                        @RequestParam(required = false) String responsiblePerson, RedirectAttributes redirect) {
        return Actions.run("/traffic/seizures", "traffic.source.hazard.opened", redirect,
                () -> seizures.openHazard(id, description, deadline, responsiblePerson, CurrentUsers.require()));
    }
}
