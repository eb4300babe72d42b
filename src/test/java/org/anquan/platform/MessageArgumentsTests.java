package org.anquan.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.anquan.I18nTests;
import org.anquan.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.thymeleaf.TemplateSpec;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;

/**
 * Every message that takes arguments, rendered through the one fragment that shows a refusal on
 * every page, prints its arguments, never "[Ljava.lang.Object;@…".
 */
@IntegrationTest
class MessageArgumentsTests {

    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

    @Autowired SpringTemplateEngine templates;
    @Autowired ApplicationContext app;

    String render(String key, Object[] args, Locale locale) {
        Context ctx = new Context(locale);
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(app, null));
        ctx.setVariable("errorKey", key);
        ctx.setVariable("errorArgs", args);
        return templates.process(new TemplateSpec("fragments", Set.of("error-alert"), (String) null, null), ctx);
    }

    @Test
    void everyMessageWithArgumentsShowsThemInBothLanguages() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (var file : List.of(new Object[] {"", Locale.SIMPLIFIED_CHINESE}, new Object[] {"_en", Locale.ENGLISH})) {
            Properties p = I18nTests.all((String) file[0]);
            for (String key : p.stringPropertyNames()) {
                Matcher m = PLACEHOLDER.matcher(p.getProperty(key));
                int count = 0;
                while (m.find()) {
                    count = Math.max(count, Integer.parseInt(m.group(1)) + 1);
                }
                if (count == 0) {
                    continue;
                }
                Object[] args = new Object[count];
                String[] shown = new String[count];
                for (int i = 0; i < count; i++) {
                    // a number placeholder ({n,number,#}: years, record numbers, seeds) gets a number, and shows it ungrouped
                    boolean number = p.getProperty(key).contains("{" + i + ",number");
                    args[i] = number ? (Object) 2026123456L : "ARG" + i + "X";
                    shown[i] = number ? "2026123456" : "ARG" + i + "X";
                }
                String html = render(key, args, (Locale) file[1]);
                for (int i = 0; i < count; i++) {
                    if (!html.contains(shown[i])) {
                        wrong.add(file[1] + " " + key + ": " + html.strip());
                    }
                }
                if (html.contains("[Ljava")) {
                    wrong.add(file[1] + " " + key + " prints an array: " + html.strip());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aMessageWithoutArgumentsRendersWhenNoneAreGiven() {
        assertThat(render("error.conflict", null, Locale.SIMPLIFIED_CHINESE)).contains("alert-danger").doesNotContain("null");
    }
}
