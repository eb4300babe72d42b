package org.anquan.directory.common;

import java.util.List;
import org.anquan.directory.enterprises.EnterpriseScale;
import org.anquan.directory.enterprises.EnterpriseStatus;
import org.anquan.directory.regions.Region;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.Department;
import org.anquan.directory.responsibility.Industry;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** Select options for directory forms and filters, limited to what the user's scope reaches. */
@Component
public class ReferenceData {

    private final Regions regions;
    private final ResponsibilityMatrix matrix;

    ReferenceData(Regions regions, ResponsibilityMatrix matrix) {
        this.regions = regions;
        this.matrix = matrix;
    }

    public void addTo(Model model, CurrentUser user) {
        model.addAttribute("industries", industries(user));
        model.addAttribute("regions", regions(user));
        model.addAttribute("scales", EnterpriseScale.values());
        model.addAttribute("statuses", EnterpriseStatus.values());
    }

    public List<Region> regions(CurrentUser user) {
        List<Region> all = regions.all().stream().filter(r -> r.level() != RegionLevel.CITY).toList();
        if (user.scope().kind() == DataScope.Kind.REGION) {
            Region root = regions.get(user.scope().id());
            return all.stream().filter(r -> root.isAncestorOrSelfOf(r.path())).toList();
        }
        return all;
    }

    List<Industry> industries(CurrentUser user) {
        List<Industry> all = matrix.industries();
        if (user.scope().kind() == DataScope.Kind.DEPARTMENT) {
            List<String> mine = matrix.industriesOf(user.scope().id());
            return all.stream().filter(i -> mine.contains(i.code())).toList();
        }
        return all;
    }

    public List<Department> departments() {
        return matrix.departments();
    }
}
