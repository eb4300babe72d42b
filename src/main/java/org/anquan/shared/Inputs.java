package org.anquan.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bounds an input record declares on its fields (each matching the column it is stored in),
 * checked at the entry of the service that stores it: a value out of bounds is refused with the
 * field named, before anything reaches the database. Services keep their own rules of meaning.
 */
public final class Inputs {

    private static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

    private Inputs() {
    }

    /** Refuses the input (400, field by field) when a declared bound is broken. */
    public static void check(Object input) {
        var violations = VALIDATOR.validate(input);
        if (violations.isEmpty()) {
            return;
        }
        Map<String, String> errors = new TreeMap<>();
        for (ConstraintViolation<Object> v : violations) {
            errors.putIfAbsent(v.getPropertyPath().toString(), keyOf(v.getConstraintDescriptor().getAnnotation()));
        }
        throw new InvalidInputException(errors);
    }

    static String keyOf(Annotation a) {
        if (a instanceof Size) {
            return "validation.too.long";
        }
        if (a instanceof Min || a instanceof Max || a instanceof DecimalMin || a instanceof DecimalMax || a instanceof Digits) {
            return "validation.range";
        }
        if (a instanceof NotNull || a instanceof NotBlank) {
            return "validation.required";
        }
        return "validation.invalid";
    }

    /**
     * A free text of a form, stripped: {@code validation.required} under {@code field} when it is blank and
     * required, {@code validation.too.long} when longer than {@code max}. Returns the stripped text, null when blank.
     */
    public static String text(String value, int max, String field, boolean required, Map<String, String> errors) {
        String t = value == null ? null : value.strip();
        if (t == null || t.isEmpty()) {
            if (required) {
                errors.put(field, "validation.required");
            }
            return null;
        }
        if (t.length() > max) {
            errors.put(field, "validation.too.long");
        }
        return t;
    }
}
