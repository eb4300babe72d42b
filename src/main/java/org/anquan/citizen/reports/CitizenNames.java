package org.anquan.citizen.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.anquan.directory.Directory;
import org.anquan.platform.web.MapPoint;
import org.anquan.shared.ExpiringCache;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Names for the citizen pages: a category, a county, a department in the reader's language; map points as JSON. */
@Component
public class CitizenNames {

    private final Categories categories;
    private final Directory directory;
    private final JsonMapper json;

    /** Names of departments and counties by id, per language, kept a minute: a list of 200 reports asks for them 400 times. */
    private final ExpiringCache<String, Map<Long, String>> unitNames;

    CitizenNames(Categories categories, Directory directory, JsonMapper json, Clock clock) {
        this.categories = categories;
        this.directory = directory;
        this.json = json;
        this.unitNames = new ExpiringCache<>(Duration.ofMinutes(1), clock, 8);
    }

    public String category(String code) {
        return categories.find(code).map(c -> c.name(locale())).orElse(code);
    }

    public String county(long id) {
        return unitNames.get("counties", () -> directory.counties().stream()
                .collect(Collectors.toMap(Directory.RegionRef::id, Directory.RegionRef::name))).getOrDefault(id, "");
    }

    public String department(long id) {
        Locale locale = locale();
        return unitNames.get("departments " + locale.getLanguage(), () -> directory.departments().stream()
                .collect(Collectors.toMap(Directory.DepartmentRef::id, d -> d.name(locale)))).getOrDefault(id, "");
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
