package org.anquan.citizen.web;

import java.util.List;
import java.util.Locale;
import org.anquan.citizen.domain.Categories;
import org.anquan.citizen.domain.CitizenQueries;
import org.anquan.directory.Directory;
import org.anquan.platform.web.MapPoint;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Names for the citizen pages: a category, a county, a department in the reader's language; map points as JSON. */
@Component
class CitizenNames {

    private final Categories categories;
    private final Directory directory;
    private final JsonMapper json;

    CitizenNames(Categories categories, Directory directory, JsonMapper json) {
        this.categories = categories;
        this.directory = directory;
        this.json = json;
    }

    public String category(String code) {
        return categories.find(code).map(c -> c.name(locale())).orElse(code);
    }

    public String county(long id) {
        return directory.region(id).map(Directory.RegionRef::name).orElse("");
    }

    public String department(long id) {
        return directory.department(id).map(d -> d.name(locale())).orElse("");
    }

    /** The unit responsible, as Open311's agency_responsible and the status page name it: the department and the county. */
    public String agency(long departmentId, long countyId) {
        return department(departmentId) + " · " + county(countyId);
    }

    String points(List<CitizenQueries.MapPoint> points) {
        return json.writeValueAsString(points.stream().map(p -> new MapPoint(category(p.categoryCode()), p.lon(), p.lat(),
                p.closed() ? "#6c757d" : "#dc3545", "/report/" + p.code())).toList());
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
