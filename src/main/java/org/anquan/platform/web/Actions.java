package org.anquan.platform.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.anquan.platform.files.TabularImport;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.validation.BindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one way a page's form is handled (POST, then redirect back): run the step and carry its outcome
 * to the page in words, never a stack trace.
 *
 * <ul>
 *   <li>done: the notice {@code doneKey} ({@code noticeKey});</li>
 *   <li>input refused: every field's message ({@code fieldErrors}, field → message key, which the field
 *       fragments of {@code fields.html} show beside their inputs and {@code fragments :: error-alert}
 *       lists), the form as typed ({@code form}, when given, and {@code typed}: every parameter posted, but
 *       secrets, which the field fragments show again), and {@code errorKey}: the one field's message,
 *       or {@code form.has.errors} for several;</li>
 *   <li>a rule refused: its message ({@code errorKey}, {@code errorArgs}), the form as typed;</li>
 *   <li>someone else changed the record meanwhile: {@code error.conflict};</li>
 *   <li>an import refused whole for its lines: the lines ({@code rejectedLines}, shown by {@code rejected-lines}).</li>
 * </ul>
 */
public final class Actions {

    private Actions() {
    }

    /**
     * Runs the step; returns the redirect to {@code back} with the notice {@code doneKey} (none when
     * null: the step leaves its own outcome) or the refusal as flash attributes.
     */
    public static String run(String back, String doneKey, RedirectAttributes redirect, Runnable action) {
        return run(back, doneKey, redirect, null, action);
    }

    /** The same for a step whose notice depends on what it did: it returns the notice's key. */
    public static String run(String back, RedirectAttributes redirect, Supplier<String> step) {
        String[] notice = new String[1];
        String to = run(back, null, redirect, null, () -> notice[0] = step.get());
        if (notice[0] != null) {
            redirect.addFlashAttribute("noticeKey", notice[0]);
        }
        return to;
    }

    /**
     * A step that creates a record: on success the redirect goes where the step says (the new record's
     * page) with the notice {@code doneKey}; refused, back to {@code back} with the refusal, as {@link #run}.
     */
    public static String create(String back, String doneKey, RedirectAttributes redirect, Supplier<String> created) {
        String[] to = new String[1];
        String refused = run(back, doneKey, redirect, null, () -> to[0] = created.get());
        return to[0] == null ? refused : "redirect:" + to[0];
    }

    /**
     * A form page bound to its form object (a create or edit page): when the binding holds and the step
     * passes, post-redirect-get to where the step says; otherwise the same page again with 422 and every
     * field's refusal on the binding beside its input (a refusal of a field the form does not have, a
     * rule's refusal and a conflict as the form's own error), what was typed kept by the binding.
     */
    public static String page(BindingResult binding, HttpServletResponse response, Supplier<String> step, Supplier<String> again) {
        if (!binding.hasErrors()) {
            try {
                return "redirect:" + step.get();
            } catch (InvalidInputException e) {
                e.fieldErrors().forEach((field, key) -> {
                    if (binding.getTarget() != null && new BeanWrapperImpl(binding.getTarget()).isReadableProperty(field)) {
                        binding.rejectValue(field, key);
                    } else {
                        binding.reject(key);
                    }
                });
            } catch (OptimisticLockingFailureException e) {
                binding.reject("error.conflict");
            } catch (BusinessException e) {
                binding.reject(e.messageKey(), e.args(), e.messageKey());
            }
        }
        response.setStatus(422);
        return again.get();
    }

    /** The same, keeping {@code form} (what the person typed) for the page when the step is refused. */
    public static String run(String back, String doneKey, RedirectAttributes redirect, Object form, Runnable action) {
        try {
            action.run();
            if (doneKey != null) {
                redirect.addFlashAttribute("noticeKey", doneKey);
            }
            return "redirect:" + back;
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("errorKey", e.fieldErrors().size() == 1 ? e.fieldErrors().values().iterator().next() : "form.has.errors");
            redirect.addFlashAttribute("fieldErrors", e.fieldErrors());
        } catch (OptimisticLockingFailureException e) {
            redirect.addFlashAttribute("errorKey", "error.conflict");
        } catch (TabularImport.Refused e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
            redirect.addFlashAttribute("rejectedLines", e.lines());
        } catch (BusinessException e) {
            redirect.addFlashAttribute("errorKey", e.messageKey());
            redirect.addFlashAttribute("errorArgs", e.args());
        }
        if (form != null) {
            redirect.addFlashAttribute("form", form);
        }
        redirect.addFlashAttribute("typed", typed());
        return "redirect:" + back;
    }

    /**
     * What the person typed into the refused form, name → value, for the field fragments to show again,
     * with {@code _form}, the name of the form on a page of several; never the CSRF token or a secret.
     */
    static Map<String, String> typed() {
        Map<String, String> typed = new LinkedHashMap<>();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            attributes.getRequest().getParameterMap().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (values.length > 0 && (!name.startsWith("_") || name.equals("_form")) && !lower.contains("password") && !lower.contains("token")
                        && !lower.contains("secret")) {
                    typed.put(name, values[0]);
                }
            });
        }
        return typed;
    }
}
