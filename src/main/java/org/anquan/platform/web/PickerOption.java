package org.anquan.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.ui.Model;

/**
 * One choice of a picker (see the {@code picker} fragment): the id travels hidden, the label is what
 * the person sees, the detail tells like-named records apart. Every picker searches two to fifty
 * characters and offers at most {@link #CHOICES}.
 */
public record PickerOption(long id, String label, String detail) {

    public static final int MIN = 2;
    public static final int MAX = 50;
    public static final int CHOICES = 10;

    /**
     * Puts a picker's answer into the model: a sentence when the query is too short or too long, else
     * the choices the search finds (at most {@link #CHOICES}), or a sentence when it finds none.
     */
    public static void answer(Model model, String q, String noneKey,
                              Function<String, List<PickerOption>> search) {
        var refusal = refusal(q);
        if (refusal.isPresent()) {
            model.addAttribute("hintKey", refusal.get());
            return;
        }
        var options = search.apply(q.strip());
        model.addAttribute("options", options);
        if (options.isEmpty()) {
            model.addAttribute("hintKey", noneKey);
        }
    }

    /** Why the query is not searched (too short, too long), as a message key; empty when it is searched. */
    private static Optional<String> refusal(String q) {
        String text = q == null ? "" : q.strip();
        if (text.length() < MIN) {
            return Optional.of("picker.too.short");
        }
        return text.length() > MAX ? Optional.of("picker.too.long") : Optional.empty();
    }
}
