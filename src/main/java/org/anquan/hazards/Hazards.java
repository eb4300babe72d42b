package org.anquan.hazards;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.anquan.directory.ScopeFilter;
import org.anquan.hazards.rankings.HazardRankings;
import org.anquan.hazards.register.HazardGrade;
import org.anquan.hazards.register.HazardInput;
import org.anquan.hazards.register.HazardQueries;
import org.anquan.hazards.register.HazardService;
import org.anquan.hazards.register.HazardSource;
import org.anquan.hazards.register.HazardStatus;
import org.anquan.hazards.register.HazardsProperties;
import org.anquan.platform.security.CurrentUser;
import org.anquan.platform.security.DataScope;
import org.anquan.shared.ExpiringCache;
import org.anquan.shared.InvalidInputException;
import org.springframework.stereotype.Service;

/** What other modules ask of the hazard register. */
@Service
public class Hazards {

    private final HazardQueries queries;
    private final HazardRankings rankings;
    private final HazardService service;
    private final Clock clock;
    /** The home page's statistics: a whole year or twelve weeks of the register, computed at most once per {@code anquan.hazards.statistics-lifetime} (a minute) per scope. */
    private final ExpiringCache<String, Object> statistics;

    Hazards(HazardQueries queries, HazardRankings rankings, HazardService service, Clock clock, HazardsProperties props) {
        this.queries = queries;
        this.service = service;
        this.rankings = rankings;
        this.clock = clock;
        this.statistics = new ExpiringCache<>(props.statisticsLifetime(), clock, 1000);
    }

    /**
     * The statuses (as stored) in which an overdue hazard climbs the escalation ladder: the one
     * definition, which the supervision sweep applies to {@code hazards_hazard_view}.
     */
    public static List<String> escalatingStatuses() {
        return HazardStatus.ESCALATING.stream().map(Enum::name).sorted().toList();
    }

    /** A closed hazard found unfixed on re-inspection goes back to rectification. */
    public void reopen(long hazardId, String reason, LocalDate newDeadline, CurrentUser user) {
        service.reopen(hazardId, reason, newDeadline, user);
    }

    /** A hazard opened for another module: its id and register code. */
    public record Opened(long id, String code) {
    }

    /**
     * The one hand-off to the register: another module's record (its {@link Origin}) becomes a hazard of
     * general grade, routed like any report — an officer's finding at the enterprise or at a place in
     * the county given (source 部门检查, with its deadline and person responsible), or a citizen's report
     * at its point or in the county it was routed to (source 群众举报). The origin is stored on the hazard
     * and carried by {@link HazardClosed}. Refused with every field's error ({@link Finding#problems()}
     * and the register's own checks); the reporter's permissions and scope apply.
     */
    public Opened openFrom(Origin origin, Finding finding, CurrentUser user) {
        Map<String, String> problems = finding.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean citizen = finding.source() == Finding.Source.CITIZEN;
        boolean located = finding.enterpriseId() != null || (finding.lon() != null && finding.lat() != null);
        var h = service.openFrom(origin, new HazardInput(citizen ? HazardSource.CITIZEN : HazardSource.DEPT_INSPECTION,
                finding.enterpriseId(), finding.enterpriseId() == null ? finding.place() : null, finding.lon(), finding.lat(),
                finding.industryCode(), null, finding.description().strip(), HazardGrade.GENERAL, finding.deadline(),
                finding.responsiblePerson() == null ? null : finding.responsiblePerson().strip(), null, null,
                located ? null : finding.countyId(), located ? null : finding.routingReason()), user);
        return new Opened(h.getId(), h.getCode());
    }

    /** Whether the scope may act on the hazard (its own county, department or enterprise), not only read it. */
    public boolean actionable(long hazardId, DataScope scope) {
        return queries.inScope(hazardId, scope, ScopeFilter.Mode.ACT);
    }

    /** The open major hazards the scope reads, earliest deadline first, at most {@code limit}. */
    public List<HazardSummary.OpenMajor> openMajor(DataScope scope, int limit) {
        return queries.openMajor(scope, limit);
    }

    public boolean visible(long hazardId, DataScope scope) {
        return queries.inScope(hazardId, scope);
    }

    /** The scope's county or department in this year's ranking; empty for other scopes or without hazards. */
    public Optional<RankPosition> rankOf(DataScope scope) {
        HazardRankings.By by = switch (scope.kind()) {
            case REGION -> HazardRankings.By.COUNTY;
            case DEPARTMENT -> HazardRankings.By.DEPARTMENT;
            default -> null;
        };
        if (by == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        List<HazardRankings.Rank> ranks = cast(statistics.get("ranks " + by,
                () -> rankings.rank(by, today.withDayOfYear(1), today, today, Locale.ROOT)));
        for (int i = 0; i < ranks.size(); i++) {
            if (ranks.get(i).unitId() == scope.id()) {
                HazardRankings.Rank r = ranks.get(i);
                return Optional.of(new RankPosition(i + 1, ranks.size(), r.closureRatePercent(), r.overdue()));
            }
        }
        return Optional.empty();
    }

    /** Hazards found and closed in each of the last twelve weeks, for the home page's chart. */
    public List<HazardSummary.Week> lastTwelveWeeks(DataScope scope) {
        return cast(statistics.get("weeks " + scope, () -> queries.weekly(scope, LocalDate.now(clock), 12)));
    }

    /** Open hazards by county and grade, for the home page's chart. */
    public List<HazardSummary.CountyOpen> openByCounty(DataScope scope) {
        return cast(statistics.get("counties " + scope, () -> queries.openByCounty(scope)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    public HazardSummary summary(DataScope scope) {
        return queries.summary(scope, LocalDate.now(clock));
    }
}
