package org.anquan.emergency.resources;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.anquan.shared.InvalidInputException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The nearest emergency resources of a kind in the JSON API (token or session). */
@RestController
@RequestMapping("/api/v1/resources")
@Tag(name = "resources", description = "Rescue teams and supplies by kind and straight-line distance")
class ResourceApi {

    private final Resources resources;

    ResourceApi(Resources resources) {
        this.resources = resources;
    }

    @GetMapping("/nearest")
    @Operation(summary = "The nearest teams (ready or standby) or usable supplies of a kind to a point, nearest first, with metres")
    List<Resources.Near> nearest(@RequestParam double lat, @RequestParam double lon, @RequestParam String kind,
                                 @RequestParam(defaultValue = "5") int limit) {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new InvalidInputException(Map.of("lat", "location.invalid"));
        }
        return resources.nearest(lat, lon, kind, limit);
    }
}
