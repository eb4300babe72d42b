package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible string comes from the message files, in both languages. */
class I18nTests {

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(I18nTests.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void everyKeyExistsInBothLanguages() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages_en.properties").stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertThat(onlyZh).as("keys only in messages.properties").isEmpty();
        assertThat(onlyEn).as("keys only in messages_en.properties").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern ref = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");
        List<String> missing = new ArrayList<>();
        for (Path t : templates()) {
            Matcher m = ref.matcher(Files.readString(t));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(t.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        // text between tags, outside script/style, that contains a letter or a CJK character
        Pattern text = Pattern.compile(">([^<>]*[\\p{L}][^<>]*)<");
        List<String> literal = new ArrayList<>();
        for (Path t : templates()) {
            String html = Files.readString(t)
                    .replaceAll("(?s)<script.*?</script>", "<script></script>")
                    .replaceAll("(?s)<style.*?</style>", "<style></style>")
                    .replaceAll("(?s)<!--.*?-->", "");
            Matcher m = text.matcher(html);
            while (m.find()) {
                if (!m.group(1).isBlank()) {
                    literal.add(t.getFileName() + ": " + m.group(1).trim());
                }
            }
            Matcher attrs = Pattern.compile("\\s(title|placeholder|aria-label|alt)=\"([^\"]*\\p{L}[^\"]*)\"").matcher(html);
            while (attrs.find()) {
                literal.add(t.getFileName() + ": " + attrs.group(1) + "=" + attrs.group(2));
            }
        }
        assertThat(literal).isEmpty();
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> s = Files.walk(Path.of("src/main/resources/templates"))) {
            return s.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }
}
