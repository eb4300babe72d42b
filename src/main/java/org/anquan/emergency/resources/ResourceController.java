package org.anquan.emergency.resources;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.Permission;
import org.anquan.platform.security.RequiresPermission;
import org.anquan.platform.web.Actions;
import org.anquan.platform.web.MapPoint;
import org.anquan.platform.web.Options;
import org.anquan.shared.InvalidInputException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Rescue teams, warehouses and supplies, drills, and the nearest of a kind to a point picked on the map. */
@Controller
class ResourceController {

    private final Resources resources;
    private final Directory directory;
    private final JsonMapper json;

    ResourceController(Resources resources, Directory directory, JsonMapper json) {
        this.resources = resources;
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/resources")
    String page(@RequestParam(required = false) String kind, @RequestParam(required = false) Double lat,
                @RequestParam(required = false) Double lon, Model model) {
        var kinds = resources.kinds();
        model.addAttribute("kinds", kinds);
        var locale = LocaleContextHolder.getLocale();
        model.addAttribute("kindNames", kinds.stream().collect(Collectors.toMap(Resources.Kind::code, k -> k.name(locale))));
        model.addAttribute("kind", kind);
        model.addAttribute("lat", lat);
        model.addAttribute("lon", lon);
        model.addAttribute("teams", resources.teams());
        var warehouses = resources.warehouses();
        model.addAttribute("warehouses", warehouses);
        model.addAttribute("warehouseOptions", Options.of(warehouses, w -> String.valueOf(w.id()), Resources.Warehouse::name));
        model.addAttribute("teamKinds", Options.of(kinds.stream().filter(k -> k.category().equals("TEAM")).toList(), Resources.Kind::code,
                k -> k.name(locale)));
        model.addAttribute("supplyKinds", Options.of(kinds.stream().filter(k -> k.category().equals("SUPPLY")).toList(), Resources.Kind::code,
                k -> k.name(locale)));
        model.addAttribute("readiness", Resources.READINESS);
        model.addAttribute("supplies", resources.supplies(200));
        model.addAttribute("counties", directory.counties());
        model.addAttribute("cityMap", directory.cityMap());
        Map<Long, String> names = directory.countyNames();
        model.addAttribute("countyNames", names);
        List<Resources.Near> near = List.of();
        if (kind != null && !kind.isBlank() && lat != null && lon != null) {
            try {
                near = resources.nearest(lat, lon, kind, 10);
            } catch (InvalidInputException | IllegalArgumentException e) {
                model.addAttribute("errorKey", "resource.search.invalid");
            }
        }
        model.addAttribute("near", near);
        List<MapPoint> points = new ArrayList<>();
        if (lat != null && lon != null && near.size() > 0) {
            points.add(new MapPoint("●", lon, lat, "#0d6efd", null));
        }
        near.forEach(n -> points.add(new MapPoint(n.name(), n.lon(), n.lat(), "TEAM".equals(n.category()) ? "#dc3545" : "#198754", null)));
        model.addAttribute("points", json.writeValueAsString(points));
        return "emergency/resources";
    }

    @PostMapping("/resources/teams")
    @RequiresPermission(Permission.RESOURCE_EDIT)
    String addTeam(@RequestParam(required = false) String name, @RequestParam(required = false) String kindCode,
                   @RequestParam(required = false) Long countyId, @RequestParam(required = false) Integer members,
                   @RequestParam(required = false) String equipment, @RequestParam(required = false) Double lat,
                   @RequestParam(required = false) Double lon, @RequestParam(required = false) String readiness,
                   @RequestParam(required = false) String dutyPhone, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/resources", "resource.team.added", redirect, () -> resources.addTeam(new Resources.TeamInput(name, kindCode, countyId, members, equipment,
                lat, lon, readiness, dutyPhone), me));
    }

    @PostMapping("/resources/teams/{id}/readiness")
    @RequiresPermission(Permission.RESOURCE_EDIT)
    String readiness(@PathVariable long id, @RequestParam(required = false) String readiness, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/resources", "resource.readiness.set", redirect, () -> resources.setReadiness(id, readiness, me));
    }

    @PostMapping("/resources/teams/{id}/drills")
    @RequiresPermission(Permission.RESOURCE_EDIT)
    String drill(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                 @RequestParam(required = false) String scenario, @RequestParam(required = false) String result,
                 @RequestParam(required = false) String note, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/resources", "resource.drill.recorded", redirect, () -> resources.recordDrill(id, heldOn, scenario, result, note, me));
    }

    @PostMapping("/resources/warehouses")
    @RequiresPermission(Permission.RESOURCE_EDIT)
    String addWarehouse(@RequestParam(required = false) String name, @RequestParam(required = false) Long countyId,
                        @RequestParam(required = false) Double lat, @RequestParam(required = false) Double lon,
                        @RequestParam(required = false) String keeper, @RequestParam(required = false) String phone, RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        return Actions.run("/resources", "resource.warehouse.added", redirect, () -> resources.addWarehouse(name, countyId, lat, lon, keeper, phone, me));
    }

    @PostMapping("/resources/supplies")
    @RequiresPermission(Permission.RESOURCE_EDIT)
    String addSupply(@RequestParam(required = false) Long warehouseId, @RequestParam(required = false) String kindCode,
                     @RequestParam(required = false) String itemName, @RequestParam(required = false) String unit,
                     @RequestParam(required = false) Integer quantity, @RequestParam(required = false) Integer minQuantity,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiresOn,
                     RedirectAttributes redirect) {
        CurrentUser me = CurrentUsers.require();
        if (warehouseId == null) {
            redirect.addFlashAttribute("errorKey", "resource.warehouse.required");
            return "redirect:/resources";
        }
        return Actions.run("/resources", "resource.supply.added", redirect, () -> resources.addSupply(warehouseId, kindCode, itemName, unit, quantity, minQuantity,
                expiresOn, me));
    }
}
