package org.anquan.duty.watch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.anquan.platform.security.CurrentUsers;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Duty rosters in the JSON API (token or session): who is on duty at a unit on a day. */
@RestController
@RequestMapping("/api/v1/duty")
@Tag(name = "duty", description = "24-hour duty rosters")
class DutyApi {

    private final DutyRosters rosters;
    private final Clock clock;

    DutyApi(DutyRosters rosters, Clock clock) {
        this.rosters = rosters;
        this.clock = clock;
    }

    record ShiftView(String role, String person, String phone, OffsetDateTime startsAt, OffsetDateTime endsAt, OffsetDateTime checkedInAt) {
    }

    record RosterView(long id, String unit, String unitName, String title, LocalDate startsOn, LocalDate endsOn, List<ShiftView> shifts) {
    }

    @GetMapping("/rosters")
    @Operation(summary = "The published rosters of a unit (CITY:0, DEPARTMENT:{id}, REGION:{id}) with the shifts that touch the day, within the caller's scope")
    List<RosterView> rosters(@RequestParam String unit, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        var me = CurrentUsers.require();
        OffsetDateTime from = date.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        return rosters.rosters(me, 500).stream()
                .filter(r -> "PUBLISHED".equals(r.status()) && (r.unitKind() + ":" + r.unitId()).equals(unit)
                        && !r.startsOn().isAfter(date.plusDays(1)) && !r.endsOn().isBefore(date.minusDays(1)))
                .map(r -> new RosterView(r.id(), unit, r.unitName(), r.title(), r.startsOn(), r.endsOn(), rosters.shifts(r.id()).stream()
                        .filter(s -> s.startsAt().isBefore(to) && s.endsAt().isAfter(from))
                        .map(s -> new ShiftView(s.role(), s.person(), s.phone(), s.startsAt(), s.endsAt(), s.checkedInAt())).toList()))
                .filter(v -> !v.shifts().isEmpty()).toList();
    }
}
