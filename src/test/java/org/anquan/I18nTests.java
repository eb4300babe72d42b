package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every user-visible string comes from the modules' message files (messages/&lt;module&gt;.properties), in both languages. */
public class I18nTests {

    static final Path MESSAGES = Path.of("src/main/resources/messages");

    /** The modules' message files: module name → its Chinese (default) file; the English one is beside it with _en. */
    static List<String> modules() throws IOException {
        try (Stream<Path> s = Files.list(MESSAGES)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties") && !n.contains("_"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(MESSAGES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    /** Every key of one language, across the modules' files. */
    public static Properties all(String suffix) throws IOException {
        Properties all = new Properties();
        for (String m : modules()) {
            all.putAll(load(m + suffix + ".properties"));
        }
        return all;
    }

    @Test
    void everyModulesFileHasItsTwinWithTheSameKeys() throws IOException {
        for (String m : modules()) {
            Set<String> zh = new TreeSet<>(load(m + ".properties").stringPropertyNames());
            Set<String> en = new TreeSet<>(load(m + "_en.properties").stringPropertyNames());
            Set<String> onlyZh = new TreeSet<>(zh);
            onlyZh.removeAll(en);
            Set<String> onlyEn = new TreeSet<>(en);
            onlyEn.removeAll(zh);
            assertThat(onlyZh).as("keys only in messages/" + m + ".properties").isEmpty();
            assertThat(onlyEn).as("keys only in messages/" + m + "_en.properties").isEmpty();
        }
    }

    @Test
    void aKeyLivesInOneModulesFileAndEveryFileIsLoaded() throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (String m : modules()) {
            for (String k : load(m + ".properties").stringPropertyNames()) {
                String before = owner.put(k, m);
                if (before != null) {
                    twice.add(k + " in " + before + " and " + m);
                }
            }
        }
        assertThat(twice).isEmpty();
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher basename = Pattern.compile("basename: (\\S+)").matcher(yml);
        assertThat(basename.find()).isTrue();
        assertThat(new TreeSet<>(List.of(basename.group(1).split(","))))
                .isEqualTo(new TreeSet<>(modules().stream().map(m -> "messages/" + m).toList()));
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Set<String> keys = all("").stringPropertyNames();
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
