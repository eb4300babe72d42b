package org.anquan.directory.accounts;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.anquan.directory.common.ReferenceData;
import org.anquan.directory.enterprises.EnterpriseFilter;
import org.anquan.directory.enterprises.EnterpriseQueries;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.security.Account;
import org.anquan.platform.security.AccountForm;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUsers;
import org.anquan.platform.security.DataScope;
import org.anquan.platform.security.Role;
import org.anquan.platform.web.Actions;
import org.anquan.shared.BusinessException;
import org.anquan.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People and their accounts: role and data scope, set by the city office administrator. */
@Controller
class AccountAdminController {

    private final Accounts accounts;
    private final ReferenceData reference;
    private final EnterpriseQueries enterprises;
    private final Regions regions;
    private final ResponsibilityMatrix matrix;

    AccountAdminController(Accounts accounts, ReferenceData reference, EnterpriseQueries enterprises,
                           Regions regions, ResponsibilityMatrix matrix) {
        this.regions = regions;
        this.matrix = matrix;
        this.accounts = accounts;
        this.reference = reference;
        this.enterprises = enterprises;
    }

    @GetMapping("/admin/accounts")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Role role,
                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("result", accounts.search(q, role, Math.max(page, 1), 20));
        model.addAttribute("roles", Role.values());
        model.addAttribute("q", q);
        model.addAttribute("role", role);
        return "admin/accounts";
    }

    @GetMapping("/admin/accounts/new")
    String createForm(Model model) {
        model.addAttribute("form", AccountForm.blank());
        return form(model, null);
    }

    @PostMapping("/admin/accounts")
    String create(@Validated @ModelAttribute("form") AccountForm form, BindingResult binding, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return Actions.page(binding, response, () -> {
            checkScopeUnit(form);
            long id = accounts.create(form, true);
            redirect.addFlashAttribute("noticeKey", "saved");
            return "/admin/accounts/" + id;
        }, () -> form(model, null));
    }

    @GetMapping("/admin/accounts/{id}")
    String editForm(@PathVariable long id, Model model) {
        Account a = accounts.find(id).orElseThrow(() -> new NotFoundException("account", id));
        model.addAttribute("form", new AccountForm(a.username(), a.displayName(), a.phone(), a.role(), a.regionId(),
                a.departmentId(), a.enterpriseId(), null, a.enabled(), a.version()));
        model.addAttribute("account", a);
        return form(model, id);
    }

    @PostMapping("/admin/accounts/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute("form") AccountForm form, BindingResult binding,
                  Model model, RedirectAttributes redirect, HttpServletResponse response) {
        return Actions.page(binding, response, () -> {
            checkScopeUnit(form);
            accounts.update(id, form);
            redirect.addFlashAttribute("noticeKey", "saved");
            return "/admin/accounts/" + id;
        }, () -> {
            model.addAttribute("account", accounts.find(id).orElseThrow(() -> new NotFoundException("account", id)));
            return form(model, id);
        });
    }

    @PostMapping("/admin/accounts/{id}/password")
    String reset(@PathVariable long id, @RequestParam String password, RedirectAttributes redirect) {
        return Actions.run("/admin/accounts/" + id, "password.reset.done", redirect, () -> accounts.resetPassword(id, password));
    }

    /** The unit an account is scoped to exists, and is of the kind its role is bounded by: a county, a department, an enterprise. */
    private void checkScopeUnit(AccountForm form) {
        Long region = form.scopedRegionId();
        if (region != null && regions.find(region).filter(r -> r.level() == RegionLevel.COUNTY).isEmpty()) {
            throw new BusinessException("account.scope.region.unknown");
        }
        Long department = form.scopedDepartmentId();
        if (department != null && matrix.department(department).isEmpty()) {
            throw new BusinessException("account.scope.department.unknown");
        }
        Long enterprise = form.scopedEnterpriseId();
        if (enterprise != null && !enterprises.inScope(enterprise, DataScope.CITY)) {
            throw new BusinessException("account.scope.enterprise");
        }
    }

    private String form(Model model, Long id) {
        model.addAttribute("id", id);
        model.addAttribute("roles", Role.values());
        model.addAttribute("regions", reference.regions(CurrentUsers.require()));
        model.addAttribute("departments", reference.departments());
        if (!(model.getAttribute("form") instanceof AccountForm)) {
            // the request could not even be bound (e.g. an unknown role): show an empty form with the errors
            model.addAttribute("form", AccountForm.blank());
        }
        Long enterpriseId = ((AccountForm) model.getAttribute("form")).enterpriseId();
        model.addAttribute("enterpriseName", enterpriseId == null ? null
                : enterprises.page(new EnterpriseFilter(null, null, null, null, null), new DataScope(DataScope.Kind.ENTERPRISE, enterpriseId),
                        1, 1, Locale.ROOT).items().stream().findFirst().map(r -> r.name()).orElse(null));
        return "admin/account-form";
    }
}
