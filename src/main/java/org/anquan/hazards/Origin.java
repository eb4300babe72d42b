package org.anquan.hazards;

import java.util.regex.Pattern;

/**
 * Where a hazard handed to the register by another module came from: the module, the kind of its
 * record and that record's id (e.g. accidents / recommendation / 17). Stored on the hazard and
 * carried by {@link HazardClosed}, so the module that handed it over knows its own hazard closed.
 */
public record Origin(String module, String kind, long id) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");

    public Origin {
        if (module == null || !NAME.matcher(module).matches() || kind == null || !NAME.matcher(kind).matches()) {
            throw new IllegalArgumentException("an origin names its module and kind in lower case: " + module + "/" + kind);
        }
    }

    /** Whether the hazard came from this module. */
    public boolean isOf(String module) {
        return this.module.equals(module);
    }

    /** Whether the hazard came from this module's record of this kind. */
    public boolean isOf(String module, String kind) {
        return this.module.equals(module) && this.kind.equals(kind);
    }
}
