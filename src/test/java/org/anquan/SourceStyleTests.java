package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * House rules read from the source text itself, where the compiled classes cannot tell: a class
 * is named through an import, never by its qualified name in the middle of the code.
 */
class SourceStyleTests {

    /** A qualified type name: two or more lower-case package segments, then a capitalised name. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_]*");

    /** Main sources first, then the tests'. */
    private static final List<Path> ROOTS = List.of(Path.of("src/main/java"), Path.of("src/test/java"));

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void classesAreNamedThroughImportsNotByQualifiedNamesInline() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path root : ROOTS) {
            for (Path file : javaFiles(root)) {
                String[] lines = codeOnly(Files.readString(file)).split("\n", -1);
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (line.startsWith("import ") || line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = QUALIFIED.matcher(line);
                    if (m.find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + " " + m.group());
                    }
                }
            }
        }
        assertThat(found).as("qualified names written inline; import them instead").isEmpty();
    }

    /** An import line: static or not, of one class or member (not a whole package). */
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?[\\w.]+\\.(\\w+);$", Pattern.MULTILINE);

    @Test
    void everyImportIsUsed() throws IOException {
        List<String> unused = new ArrayList<>();
        for (Path root : ROOTS) {
            for (Path file : javaFiles(root)) {
                String src = Files.readString(file);
                String body = IMPORT.matcher(src).replaceAll("");
                Matcher m = IMPORT.matcher(src);
                while (m.find()) {
                    if (!Pattern.compile("\\b" + Pattern.quote(m.group(1)) + "\\b").matcher(body).find()) {
                        unused.add(root.relativize(file) + ": " + m.group().strip());
                    }
                }
            }
        }
        assertThat(unused).as("imports nothing uses").isEmpty();
    }

    /** A filter's WHERE assembled by hand: {@code "WHERE 1 = 1"}, a builder starting with WHERE, {@code where.append(" AND …")}. */
    private static final Pattern HAND_WHERE = Pattern.compile("WHERE 1 = 1|StringBuilder\\(\"[^\"]*WHERE|\\b(?:where|sql)\\.append\\(\" AND ");

    @Test
    void listFiltersAreBuiltWithWhereNotAssembledByHand() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : javaFiles(ROOTS.get(0))) {
            if (file.endsWith("shared/Where.java")) {
                continue;
            }
            String[] lines = Files.readString(file).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (HAND_WHERE.matcher(lines[i]).find()) {
                    found.add(file + ":" + (i + 1));
                }
            }
        }
        assertThat(found).as("WHERE clauses assembled by hand; use shared.Where").isEmpty();
    }

    @Test
    void theCheckSeesAnInlineNameAndNotOneInACommentOrString() {
        String code = """
                class A {
                    /** see {@link java.util.List} */
                    String s = "java.util.Map.Entry";
                    // java.util.Set
                    java.util.Optional<String> o;
                }
                """;
        String[] lines = codeOnly(code).split("\n", -1);
        List<Integer> hits = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            if (QUALIFIED.matcher(lines[i]).find()) {
                hits.add(i + 1);
            }
        }
        assertThat(hits).containsExactly(5);
    }

    /** The source with comments, string and character literals blanked out, lines kept where they were. */
    static String codeOnly(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        int n = src.length();
        while (i < n) {
            char c = src.charAt(i);
            if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                while (i < n && src.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                int end = src.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                keepNewlines(src, i, end, out);
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int end = src.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end + 3;
                keepNewlines(src, i, end, out);
                i = end;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && src.charAt(j) != c && src.charAt(j) != '\n') {
                    j += src.charAt(j) == '\\' ? 2 : 1;
                }
                i = Math.min(n, j + 1);
                out.append("\"\"");
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private static void keepNewlines(String src, int from, int to, StringBuilder out) {
        for (int k = from; k < to; k++) {
            if (src.charAt(k) == '\n') {
                out.append('\n');
            }
        }
    }
}
