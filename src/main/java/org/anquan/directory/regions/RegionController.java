package org.anquan.directory.regions;

import org.anquan.directory.Directory;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.ScopeDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class RegionController {

    private final Directory directory;

    private final Regions regions;

    RegionController(Regions regions, Directory directory) {
        this.directory = directory;
        this.regions = regions;
    }

    @GetMapping("/regions")
    String tree(Model model) {
        var me = CurrentUsers.require();
        var all = regions.all();
        if (me.scope().kind() == DataScope.Kind.REGION) {
            Region root = regions.get(me.scope().id());
            all = all.stream().filter(r -> root.isAncestorOrSelfOf(r.path())).toList();
        }
        model.addAttribute("regions", all);
        return "directory/regions";
    }

    @GetMapping("/regions/{id}")
    String detail(@PathVariable long id, Model model) {
        var me = CurrentUsers.require();
        Region r = regions.get(id);
        if (me.scope().kind() == DataScope.Kind.REGION && !regions.get(me.scope().id()).isAncestorOrSelfOf(r.path())) {
            throw new ScopeDeniedException("region", id);
        }
        model.addAttribute("region", r);
        model.addAttribute("parent", r.parentId() == null ? null : regions.get(r.parentId()));
        model.addAttribute("children", regions.children(id));
        model.addAttribute("regionMap", directory.regionMap(id));
        return "directory/region";
    }

    @PostMapping("/admin/regions/{id}/heads")
    String updateHeads(@PathVariable long id, @RequestParam(required = false) String partyHead,
                       @RequestParam(required = false) String partyHeadPhone, @RequestParam(required = false) String govHead,
                       @RequestParam(required = false) String govHeadPhone, @RequestParam int version,
                       RedirectAttributes redirect) {
        regions.updateHeads(id, partyHead, partyHeadPhone, govHead, govHeadPhone, version);
        redirect.addFlashAttribute("noticeKey", "saved");
        return "redirect:/regions/" + id;
    }
}
