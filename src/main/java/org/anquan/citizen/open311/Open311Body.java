package org.anquan.citizen.open311;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Open311 answer written as the format asked: the same tree of objects (ordered maps), lists
 * of named items and values becomes JSON (an array at the top) or XML (a root element, one element
 * per item). Null values are left out of both.
 */
final class Open311Body {

    /** A list whose XML items are named {@code element}; in JSON a plain array. */
    record Items(String element, List<?> items) {
    }

    enum Format {
        JSON(new MediaType("application", "json", StandardCharsets.UTF_8)),
        XML(new MediaType("text", "xml", StandardCharsets.UTF_8));

        final MediaType type;

        Format(MediaType type) {
            this.type = type;
        }

        /** The format a path names; null for any other. */
        static Format of(String extension) {
            return switch (extension) {
                case "json" -> JSON;
                case "xml" -> XML;
                default -> null;
            };
        }
    }

    private Open311Body() {
    }

    /** An ordered map of the pairs given, without the null values. */
    static Map<String, Object> object(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return m;
    }

    static ResponseEntity<String> write(JsonMapper json, Format format, HttpStatus status, String root, Object body) {
        String text = format == Format.JSON ? json.writeValueAsString(plain(body)) : xml(root, body);
        return ResponseEntity.status(status).contentType(format.type).header("X-Content-Type-Options", "nosniff").body(text);
    }

    /** The spec's error answer: a list of code and description. */
    static ResponseEntity<String> errors(JsonMapper json, Format format, HttpStatus status, List<String> descriptions) {
        List<Object> list = new ArrayList<>();
        for (String d : descriptions) {
            list.add(object("code", status.value(), "description", d));
        }
        return write(json, format == null ? Format.XML : format, status, "errors", new Items("error", list));
    }

    private static Object plain(Object o) {
        if (o instanceof Items items) {
            return items.items().stream().map(Open311Body::plain).toList();
        }
        if (o instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, plain(v)));
            return copy;
        }
        return o;
    }

    static String xml(String root, Object body) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
        element(sb, root, body);
        return sb.toString();
    }

    private static void element(StringBuilder sb, String name, Object value) {
        sb.append('<').append(name).append('>');
        if (value instanceof Items items) {
            for (Object item : items.items()) {
                element(sb, items.element(), item);
            }
        } else if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> element(sb, (String) k, v));
        } else if (value != null) {
            escape(sb, value.toString());
        }
        sb.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
