package org.anquan.directory.responsibility;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Departments and the industry → department responsibility matrix. */
@Controller
class DepartmentController {

    private final ResponsibilityMatrix matrix;

    DepartmentController(ResponsibilityMatrix matrix) {
        this.matrix = matrix;
    }

    @GetMapping("/departments")
    String list(Model model) {
        var departments = matrix.departments();
        model.addAttribute("departments", departments);
        model.addAttribute("industriesOf", departments.stream()
                .collect(Collectors.toMap(d -> d.id(), d -> matrix.industriesOf(d.id()))));
        model.addAttribute("industries", matrix.industries());
        return "directory/departments";
    }

    @GetMapping("/departments/matrix")
    String matrix(Model model) {
        model.addAttribute("industries", matrix.industries());
        model.addAttribute("departments", matrix.departments());
        model.addAttribute("matrix", matrix.all());
        return "directory/matrix";
    }

    @PostMapping("/admin/matrix")
    String assign(@RequestParam String industry, @RequestParam(required = false) Long lead,
                  @RequestParam(required = false) List<Long> co, RedirectAttributes redirect) {
        matrix.assign(industry, lead, co == null ? List.of() : co);
        redirect.addFlashAttribute("noticeKey", "saved");
        return "redirect:/departments/matrix#" + industry;
    }
}
