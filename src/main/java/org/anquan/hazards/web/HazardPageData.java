package org.anquan.hazards.web;

import org.anquan.directory.Directory;
import org.anquan.hazards.domain.HazardGrade;
import org.anquan.hazards.domain.HazardSource;
import org.anquan.hazards.domain.HazardStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the hazard pages' filters, forms and maps choose from: counties, departments, industries, categories, outlines. */
@Component
class HazardPageData {

    private final Directory directory;
    private final JdbcClient jdbc;

    HazardPageData(Directory directory, JdbcClient jdbc) {
        this.directory = directory;
        this.jdbc = jdbc;
    }

    void addTo(Model model) {
        model.addAttribute("counties", directory.counties());
        model.addAttribute("countyMap", directory.cityMap());
        model.addAttribute("departments", directory.departments());
        model.addAttribute("industries", directory.industries());
        model.addAttribute("statuses", HazardStatus.values());
        model.addAttribute("grades", HazardGrade.values());
        model.addAttribute("sources", HazardSource.values());
        model.addAttribute("categories", jdbc.sql("SELECT code, industry_code, name_zh, name_en, major FROM hazard_category ORDER BY industry_code, code")
                .query().listOfRows());
    }
}
