package org.anquan.supervision;

import java.io.Serializable;
import java.util.Map;

/** A sweep finished: how many steps of each level it created, under which run id. */
public record EscalationSwept(String runId, Map<String, Integer> stepsByLevel, String actor) implements Serializable {

    public int total() {
        return stepsByLevel.values().stream().mapToInt(Integer::intValue).sum();
    }
}
