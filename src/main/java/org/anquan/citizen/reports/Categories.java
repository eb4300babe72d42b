package org.anquan.citizen.reports;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.anquan.shared.ExpiringCache;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a citizen can report (the Open311 services), with the attributes each asks; read from the reference table, kept a minute. */
@Component
public class Categories {

    public record Value(String key, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
        }
    }

    public record Attribute(String code, String datatype, boolean required, String descriptionZh, String descriptionEn, int order,
                            List<Value> values) {
        public String description(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
        }
    }

    public record Category(String code, String group, String nameZh, String nameEn, String descriptionZh, String descriptionEn,
                           String keywords, String industryCode, boolean tip, List<Attribute> attributes) {
        public String name(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? nameEn : nameZh;
        }

        public String description(Locale locale) {
            return Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? descriptionEn : descriptionZh;
        }

        /** The group's message key: hidden hazard, illegal activity, road danger, fire danger. */
        public String groupKey() {
            return "citizen.group." + group;
        }
    }

    private final JdbcClient jdbc;
    private final ExpiringCache<String, List<Category>> cache;

    Categories(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.cache = new ExpiringCache<>(Duration.ofMinutes(1), clock, 1);
    }

    public List<Category> all() {
        return cache.get("all", this::load);
    }

    public Optional<Category> find(String code) {
        return code == null ? Optional.empty() : all().stream().filter(c -> c.code().equals(code)).findFirst();
    }

    private List<Category> load() {
        Map<String, List<Attribute>> attributes = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT category_code, code, datatype, required, description_zh, description_en, sort_order, value_list
                FROM citizen_category_attribute ORDER BY category_code, sort_order""")
                .query(rs -> {
                    attributes.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Attribute(rs.getString(2),
                            rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getInt(7), values(rs.getString(8))));
                });
        return jdbc.sql("""
                SELECT code, group_code, name_zh, name_en, description_zh, description_en, keywords, industry_code, tip
                FROM citizen_category WHERE active = TRUE ORDER BY sort_order""")
                .query((rs, n) -> new Category(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getBoolean(9),
                        List.copyOf(attributes.getOrDefault(rs.getString(1), List.of()))))
                .list();
    }

    private static List<Value> values(String list) {
        if (list == null || list.isBlank()) {
            return List.of();
        }
        List<Value> values = new ArrayList<>();
        for (String item : list.split(";")) {
            int eq = item.indexOf('=');
            int bar = item.indexOf('|');
            values.add(new Value(item.substring(0, eq), item.substring(eq + 1, bar), item.substring(bar + 1)));
        }
        return List.copyOf(values);
    }
}
