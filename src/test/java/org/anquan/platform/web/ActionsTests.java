package org.anquan.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.anquan.platform.files.TabularImport;
import org.anquan.shared.BusinessException;
import org.anquan.shared.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributesModelMap;

/** The one way a page's step carries its outcome back: every kind of refusal, what was typed, and where it leads. */
class ActionsTests {

    RedirectAttributesModelMap redirect;

    @BeforeEach
    void aPostedForm() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/things");
        request.addParameter("_csrf", "secret-token");
        request.addParameter("_form", "pier");
        request.addParameter("name", "码头<一>");
        request.addParameter("newPassword", "Geheim@2026");
        request.addParameter("apiToken", "aq_123");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        redirect = new RedirectAttributesModelMap();
    }

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> flash() {
        return (Map<String, Object>) redirect.getFlashAttributes();
    }

    @Test
    void aStepDoneRedirectsBackWithItsNoticeAndNothingElse() {
        assertThat(Actions.run("/things", "saved", redirect, () -> { })).isEqualTo("redirect:/things");
        assertThat(flash()).containsOnlyKeys("noticeKey").containsEntry("noticeKey", "saved");
    }

    @Test
    void oneRefusedFieldIsTheMessageItselfSeveralAreNamedTogetherAndWhatWasTypedComesBackWithoutSecrets() {
        Actions.run("/things", "saved", redirect, () -> {
            throw new InvalidInputException(Map.of("name", "validation.required"));
        });
        assertThat(flash()).containsEntry("errorKey", "validation.required").doesNotContainKey("noticeKey");
        assertThat(flash().get("typed")).isEqualTo(Map.of("_form", "pier", "name", "码头<一>"));

        redirect = new RedirectAttributesModelMap();
        Map<String, String> two = Map.of("name", "validation.required", "lat", "geo.invalid");
        Actions.run("/things", "saved", redirect, "the form", () -> {
            throw new InvalidInputException(two);
        });
        assertThat(flash()).containsEntry("errorKey", "form.has.errors").containsEntry("fieldErrors", two).containsEntry("form", "the form");
    }

    @Test
    void aRuleAConflictAndAnImportsLinesEachComeBackInTheirWords() {
        Actions.run("/things", "saved", redirect, () -> {
            throw new BusinessException("thing.closed", "YH-1");
        });
        assertThat(flash()).containsEntry("errorKey", "thing.closed");
        assertThat((Object[]) flash().get("errorArgs")).containsExactly("YH-1");

        redirect = new RedirectAttributesModelMap();
        Actions.run("/things", "saved", redirect, () -> {
            throw new OptimisticLockingFailureException("changed");
        });
        assertThat(flash()).containsEntry("errorKey", "error.conflict");

        redirect = new RedirectAttributesModelMap();
        var lines = List.of(new TabularImport.Rejected(4, "缺少数值"));
        Actions.run("/things", "saved", redirect, () -> {
            throw new TabularImport.Refused(lines);
        });
        assertThat(flash()).containsEntry("errorKey", "import.refused").containsEntry("rejectedLines", lines);
    }

    @Test
    void aFaultIsNotDressedUpAsARefusal() {
        assertThatThrownBy(() -> Actions.run("/things", "saved", redirect, () -> {
            throw new IllegalStateException("database down");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(flash()).isEmpty();
    }

    @Test
    void aCreatedRecordIsShownAndARefusedOneSendsBackToTheForm() {
        assertThat(Actions.create("/things/new", "created", redirect, () -> "/things/7")).isEqualTo("redirect:/things/7");
        assertThat(flash()).containsEntry("noticeKey", "created");

        redirect = new RedirectAttributesModelMap();
        assertThat(Actions.create("/things/new", "created", redirect, () -> {
            throw new InvalidInputException(Map.of("name", "validation.required"));
        })).isEqualTo("redirect:/things/new");
        assertThat(flash()).containsEntry("errorKey", "validation.required").doesNotContainKey("noticeKey");
    }

    @Test
    void aStepMayNameItsOwnNotice() {
        assertThat(Actions.run("/things", redirect, () -> "thing.late")).isEqualTo("redirect:/things");
        assertThat(flash()).containsEntry("noticeKey", "thing.late");
    }

    /** A form object as a page binds it. */
    public static class Thing {
        private String name;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }
    }

    @Test
    void aFormPageShowsItselfAgainWithEveryRefusalOnTheBindingOrMovesOn() {
        var response = new MockHttpServletResponse();
        var binding = new BeanPropertyBindingResult(new Thing(), "form");
        String view = Actions.page(binding, response, () -> {
            throw new InvalidInputException(Map.of("name", "validation.required", "notAField", "thing.rule"));
        }, () -> "things/form");
        assertThat(view).isEqualTo("things/form");
        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(binding.getFieldError("name").getCode()).isEqualTo("validation.required");
        assertThat(binding.getGlobalErrors()).extracting(e -> e.getCode()).containsExactly("thing.rule");

        var conflict = new BeanPropertyBindingResult(new Thing(), "form");
        Actions.page(conflict, response, () -> {
            throw new OptimisticLockingFailureException("changed");
        }, () -> "things/form");
        assertThat(conflict.getGlobalError().getCode()).isEqualTo("error.conflict");

        var fine = new BeanPropertyBindingResult(new Thing(), "form");
        assertThat(Actions.page(fine, response, () -> "/things/9", () -> "things/form")).isEqualTo("redirect:/things/9");

        var unbound = new BeanPropertyBindingResult(new Thing(), "form");
        unbound.rejectValue("name", "typeMismatch");
        assertThat(Actions.page(unbound, response, () -> {
            throw new AssertionError("a form that did not bind is not stored");
        }, () -> "things/form")).isEqualTo("things/form");
    }
}
