package org.anquan.hazards.register;

import org.anquan.directory.Directory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the hazard pages' filters and forms choose from (counties, departments, industries, categories), and the city's outlines for those with a map. */
@Component
class HazardPageData {

    private final Directory directory;
    private final JdbcClient jdbc;

    HazardPageData(Directory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** For a page with a map: the choices and the counties' outlines. */
    void addWithMapTo(Model model) {
        addTo(model);
        model.addAttribute("countyMap", directory.cityMap());
    }

    void addTo(Model model) {
        model.addAttribute("counties", directory.counties());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("industries", directory.industries());
        model.addAttribute("statuses", HazardStatus.values());
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("sources", HazardSource.values());
        model.addAttribute("categories", jdbc.sql("SELECT code, industry_code, name_zh, name_en, major FROM hazard_category WHERE active = TRUE ORDER BY industry_code, major, code")
                .query().listOfRows());
    }
}
