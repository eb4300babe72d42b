package org.anquan.platform.web;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The choices of a {@code fields :: choice}: value → label, in the order given. */
public final class Options {

    private Options() {
    }

    public static <T> Map<String, String> of(Collection<T> items, Function<T, String> value, Function<T, String> label) {
        Map<String, String> options = new LinkedHashMap<>();
        for (T item : items) {
            options.put(value.apply(item), label.apply(item));
        }
        return options;
    }
}
