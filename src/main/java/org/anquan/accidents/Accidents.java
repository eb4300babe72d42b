package org.anquan.accidents;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.anquan.accidents.domain.AccidentService;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.springframework.stereotype.Service;

/** What other modules ask of the accident register: the recent accidents a scope reads, and one of them. */
@Service
public class Accidents {

    /** An accident as another module names it: its code, when, where and its grade's name key. */
    public record AccidentRef(long id, String code, OffsetDateTime occurredAt, String subject, String countyName, int deaths) {
    }

    private final AccidentService service;

    Accidents(AccidentService service) {
        this.service = service;
    }

    /** The newest accidents the scope reads, at most {@code limit}. */
    public List<AccidentRef> recent(DataScope scope, int limit) {
        return service.page(new AccidentService.Filter(null, null, null, null), scope, 1, Math.max(1, Math.min(limit, 100))).items().stream()
                .map(Accidents::ref).toList();
    }

    /** The accident when the user's scope reads it. */
    public Optional<AccidentRef> find(long id, CurrentUser user) {
        try {
            return Optional.of(ref(service.get(id, user)));
        } catch (org.anquan.shared.NotFoundException e) {
            return Optional.empty();
        }
    }

    private static AccidentRef ref(AccidentService.AccidentView a) {
        return new AccidentRef(a.id(), a.code(), a.occurredAt(), a.enterpriseName() != null ? a.enterpriseName() : a.place(), a.countyName(),
                a.deaths() + a.missing());
    }
}
