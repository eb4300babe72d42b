package org.anquan.directory.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.directory.enterprises.CreditCode;
import org.anquan.directory.enterprises.Enterprise;
import org.anquan.directory.enterprises.EnterpriseScale;
import org.anquan.directory.enterprises.EnterpriseSearchIndex;
import org.anquan.directory.enterprises.EnterpriseStatus;
import org.anquan.directory.regions.Region;
import org.anquan.directory.regions.RegionLevel;
import org.anquan.directory.regions.Regions;
import org.anquan.directory.responsibility.Industry;
import org.anquan.directory.responsibility.ResponsibilityMatrix;
import org.anquan.platform.audit.AuditTrail;
import org.anquan.platform.security.AccountForm;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.Role;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Polygon;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictional 示例市: five counties and districts, forty townships with boundaries, twenty
 * departments with a realistic responsibility matrix, enterprises across the industries located
 * inside their township, and one account per role. Deterministic: the same seed gives the same city.
 */
@Component
class DemoCity {

    public static final String DEMO_PASSWORD = "Anquan@2026";
    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);

    static final double CITY_LON = 118.0;
    static final double CITY_LAT = 30.0;

    private static final String[][] COUNTIES = {
            {"990102", "平安区", "平安"}, {"990103", "安宁区", "安宁"}, {"990121", "清河县", "清河"},
            {"990122", "东山县", "东山"}, {"990123", "南湖县", "南湖"}};
    private static final String[] TOWNSHIP_SUFFIX = {"城关街道", "东城街道", "西城街道", "北关镇", "新桥镇", "石门镇", "柳林乡", "白沙镇"};

    /** code, name, English name, then the industries it leads and those it co-supervises. */
    private static final String[][] DEPARTMENTS = {
            {"EMB", "应急管理局", "Emergency Management Bureau"},
            {"DRC", "发展和改革委员会", "Development and Reform Commission"},
            {"MIIT", "工业和信息化局", "Industry and Information Technology Bureau"},
            {"PSB", "公安局", "Public Security Bureau"},
            {"HOUSING", "住房和城乡建设局", "Housing and Urban-Rural Development Bureau"},
            {"TRANSPORT", "交通运输局", "Transport Bureau"},
            {"AGRI", "农业农村局", "Agriculture and Rural Affairs Bureau"},
            {"FORESTRY", "林业局", "Forestry Bureau"},
            {"SAMR", "市场监督管理局", "Market Regulation Administration"},
            {"FIRE", "消防救援支队", "Fire and Rescue Detachment"},
            {"EDU", "教育局", "Education Bureau"},
            {"TOURISM", "文化广电和旅游局", "Culture, Radio, TV and Tourism Bureau"},
            {"COMMERCE", "商务局", "Commerce Bureau"},
            {"NATRES", "自然资源和规划局", "Natural Resources and Planning Bureau"},
            {"WATER", "水利局", "Water Resources Bureau"},
            {"URBAN", "城市管理局", "Urban Management Bureau"},
            {"ECO", "生态环境局", "Ecology and Environment Bureau"},
            {"MSA", "海事局", "Maritime Safety Administration"},
            {"HEALTH", "卫生健康委员会", "Health Commission"},
            {"ENERGY", "能源局", "Energy Bureau"}};

    private static final Map<String, String[]> MATRIX = Map.ofEntries(
            Map.entry("COAL_MINE", new String[] {"EMB", "ENERGY", "NATRES"}),
            Map.entry("NON_COAL_MINE", new String[] {"EMB", "NATRES"}),
            Map.entry("HAZ_CHEM", new String[] {"EMB", "MIIT", "PSB", "TRANSPORT", "SAMR", "ECO"}),
            Map.entry("FIREWORKS", new String[] {"EMB", "PSB", "SAMR"}),
            Map.entry("CIVIL_EXPLOSIVES", new String[] {"MIIT", "PSB"}),
            Map.entry("CONSTRUCTION", new String[] {"HOUSING", "TRANSPORT", "WATER"}),
            Map.entry("CROWDED_PLACES", new String[] {"FIRE", "COMMERCE", "TOURISM", "EDU"}),
            Map.entry("ROAD_TRANSPORT", new String[] {"TRANSPORT", "PSB"}),
            Map.entry("WATER_TRANSPORT", new String[] {"MSA", "TRANSPORT"}),
            Map.entry("FISHING_VESSELS", new String[] {"AGRI"}),
            Map.entry("FORESTRY", new String[] {"FORESTRY"}),
            Map.entry("SPECIAL_EQUIPMENT", new String[] {"SAMR"}),
            Map.entry("INDUSTRY_TRADE", new String[] {"EMB", "MIIT", "COMMERCE"}),
            Map.entry("GAS", new String[] {"URBAN", "HOUSING"}),
            Map.entry("EDUCATION", new String[] {"EDU"}),
            Map.entry("TOURISM", new String[] {"TOURISM"}));

    private static final String[] NAME_WORDS = {"华兴", "永安", "恒通", "宏达", "金石", "新源", "瑞丰", "鑫达", "泰和", "长盛",
            "广利", "东方", "明珠", "天成", "嘉禾", "远航", "兴隆", "锦程", "盛世", "博远", "中联", "安泰", "同心", "福源"};
    private static final Map<String, String> NAME_SUFFIX = Map.ofEntries(
            Map.entry("COAL_MINE", "煤矿"), Map.entry("NON_COAL_MINE", "矿业有限公司"),
            Map.entry("HAZ_CHEM", "化工有限公司"), Map.entry("FIREWORKS", "烟花爆竹批发有限公司"),
            Map.entry("CIVIL_EXPLOSIVES", "民爆器材有限公司"), Map.entry("CONSTRUCTION", "建设工程有限公司"),
            Map.entry("CROWDED_PLACES", "商业广场"), Map.entry("ROAD_TRANSPORT", "运输有限公司"),
            Map.entry("WATER_TRANSPORT", "航运有限公司"), Map.entry("FISHING_VESSELS", "渔业合作社"),
            Map.entry("FORESTRY", "林场"), Map.entry("SPECIAL_EQUIPMENT", "起重机械有限公司"),
            Map.entry("INDUSTRY_TRADE", "机械制造有限公司"), Map.entry("GAS", "燃气有限公司"),
            Map.entry("EDUCATION", "中学"), Map.entry("TOURISM", "旅游景区"));
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "华"};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Regions regions;
    private final ResponsibilityMatrix matrix;
    private final EnterpriseSearchIndex searchIndex;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    DemoCity(JdbcClient jdbc, JdbcTemplate batch, Regions regions, ResponsibilityMatrix matrix,
             EnterpriseSearchIndex searchIndex, Accounts accounts, AuditTrail audit, Clock clock) {
        this.searchIndex = searchIndex;
        this.jdbc = jdbc;
        this.batch = batch;
        this.regions = regions;
        this.matrix = matrix;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    public boolean loaded() {
        return jdbc.sql("SELECT COUNT(*) FROM region").query(Long.class).single() > 0;
    }

    /** Loads the whole demo city into an empty database. */
    @Transactional
    public void load(int enterprisesPerCounty) {
        long start = System.nanoTime();
        Random random = new Random(20261128L);
        long cityId = regions.create(null, "990100", "示例市", RegionLevel.CITY,
                rect(CITY_LON, CITY_LAT, 0.5, 0.4), Polygon.fromGeoJson(rect(CITY_LON, CITY_LAT, 0.5, 0.4)));
        heads(cityId, random);
        for (int c = 0; c < COUNTIES.length; c++) {
            double lon = CITY_LON + c * 0.1;
            String geo = rect(lon, CITY_LAT, 0.1, 0.4);
            long countyId = regions.create(cityId, COUNTIES[c][0], COUNTIES[c][1], RegionLevel.COUNTY, geo, Polygon.fromGeoJson(geo));
            heads(countyId, random);
            for (int t = 0; t < 8; t++) {
                double tLon = lon + (t % 2) * 0.05;
                double tLat = CITY_LAT + (t / 2) * 0.1;
                String tGeo = rect(tLon, tLat, 0.05, 0.1);
                String name = COUNTIES[c][2] + TOWNSHIP_SUFFIX[t];
                long tid = regions.create(countyId, COUNTIES[c][0] + String.format("%03d", t + 1), name, RegionLevel.TOWNSHIP,
                        tGeo, Polygon.fromGeoJson(tGeo));
                heads(tid, random);
            }
        }
        Map<String, Long> departmentIds = new HashMap<>();
        for (String[] d : DEPARTMENTS) {
            departmentIds.put(d[0], matrix.createDepartment(d[0], "示例市" + d[1], d[2], person(random), phone(random), dutyPhone(random)));
        }
        MATRIX.forEach((industry, depts) -> {
            List<Long> co = new ArrayList<>();
            for (int i = 1; i < depts.length; i++) {
                co.add(departmentIds.get(depts[i]));
            }
            matrix.assign(industry, departmentIds.get(depts[0]), co);
        });
        generateEnterprises(enterprisesPerCounty * COUNTIES.length, random);
        createAccounts(departmentIds.get("EMB"));
        audit.record("SEED", "demo", null, "demo city loaded", null, null);
        log.info("Demo city 示例市 loaded in {} ms", (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Inserts {@code count} enterprises spread over the townships, each located inside its
     * township; used by the demo and by the benchmark's data generator.
     */
    public void generateEnterprises(int count, Random random) {
        List<Region> townships = regions.ofLevel(RegionLevel.TOWNSHIP);
        List<Industry> industries = matrix.industries();
        OffsetDateTime now = OffsetDateTime.now(clock);
        long existing = jdbc.sql("SELECT COUNT(*) FROM enterprise").query(Long.class).single();
        int chunk = 1000;
        long lastId = jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM enterprise").query(Long.class).single();
        for (int done = 0; done < count; done += chunk) {
            int n = Math.min(chunk, count - done);
            List<Object[]> rows = new ArrayList<>(n);
            List<Object[]> licences = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                long serial = existing + done + i;
                Region township = townships.get((int) (serial % townships.size()));
                // each township gets the industries in turn, shifted by its position, so every county has all of them
                int round = (int) (serial / townships.size());
                Industry industry = industries.get((int) ((round + serial % townships.size()) % industries.size()));
                String county = township.code().substring(0, 6);
                String body = String.format("%08d", 10_000_000L + serial * 7919 % 90_000_000L);
                String first17 = "91" + county + body + CreditCode.organisationCheckChar(body);
                String code = first17 + CreditCode.checkChar(first17);
                EnterpriseStatus status = industry.mining()
                        ? EnterpriseStatus.applicableTo(true).get((int) (serial % 4))
                        : (random.nextInt(20) == 0 ? EnterpriseStatus.SUSPENDED : EnterpriseStatus.OPERATING);
                double lon = township.minLon() + 0.002 + random.nextDouble() * (township.maxLon() - township.minLon() - 0.004);
                double lat = township.minLat() + 0.002 + random.nextDouble() * (township.maxLat() - township.minLat() - 0.004);
                String name = township.name().substring(0, 2) + NAME_WORDS[random.nextInt(NAME_WORDS.length)]
                        + (serial >= NAME_WORDS.length ? String.valueOf(serial) : "") + NAME_SUFFIX.get(industry.code());
                String address = township.name() + (random.nextInt(200) + 1) + "号";
                rows.add(new Object[] {name, code, industry.code(), township.id(), township.path(), township.parentId(),
                        address, Enterprise.searchTextOf(name, address), lon, lat,
                        EnterpriseScale.values()[random.nextInt(4)].name(), status.name(), person(random), phone(random),
                        person(random), phone(random), now, now});
                if (industry.mining() || industry.code().equals("HAZ_CHEM") || industry.code().equals("FIREWORKS")) {
                    licences.add(new Object[] {"安全生产许可证", "（示）安许证字〔2024〕" + serial,
                            LocalDate.now(clock).plusDays(random.nextInt(900) - 60), code});
                }
            }
            batch.batchUpdate("INSERT INTO enterprise (name, credit_code, industry_code, region_id, region_path, county_id, "
                    + "address, search_text, lon, lat, scale, status, principal_name, principal_phone, safety_manager_name, "
                    + "safety_manager_phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
            Map<Long, String> texts = new HashMap<>();
            jdbc.sql("SELECT id, search_text FROM enterprise WHERE id > :after").param("after", lastId)
                    .query(rs -> { texts.put(rs.getLong(1), rs.getString(2)); });
            lastId = texts.keySet().stream().mapToLong(Long::longValue).max().orElse(lastId);
            searchIndex.indexNew(texts);
            batch.batchUpdate("INSERT INTO licence (enterprise_id, idx, kind, licence_no, valid_until) "
                    + "SELECT id, 0, ?, ?, ? FROM enterprise WHERE credit_code = ?", licences);
        }
    }

    private void createAccounts(long emergencyBureauId) {
        Region county = regions.ofLevel(RegionLevel.COUNTY).get(0);
        // a hazardous-chemicals firm in the demo county: within the scope of the county and department accounts too
        Long enterpriseId = jdbc.sql("SELECT MIN(id) FROM enterprise WHERE region_path LIKE :p AND industry_code = 'HAZ_CHEM'")
                .param("p", county.path() + "%").query(Long.class).single();
        account("admin", "市安委办管理员", Role.CITY_ADMIN, null, null, null);
        account("county", county.name() + "应急管理局干部", Role.COUNTY_OFFICER, county.id(), null, null);
        account("dept", "市应急管理局监管科干部", Role.DEPT_OFFICER, null, emergencyBureauId, null);
        // the demo enterprise operates: its user has open work to show
        jdbc.sql("UPDATE enterprise SET status = 'OPERATING' WHERE id = :id").param("id", enterpriseId).update();
        account("enterprise", "企业安全管理员", Role.ENTERPRISE_USER, null, null, enterpriseId);
        account("duty", "市应急值班员", Role.DUTY_OFFICER, null, null, null);
        // a second person of the city office: approves what the administrator proposes (a tip's reward)
        account("office", "市安委办副主任", Role.CITY_ADMIN, null, null, null);
        account("leader", "市领导", Role.LEADER, null, null, null);
        account("discipline", "市纪委监委查看员", Role.DISCIPLINE, null, null, null);
    }

    private void account(String username, String name, Role role, Long region, Long department, Long enterprise) {
        accounts.create(new AccountForm(username, name, null, role, region, department, enterprise, DEMO_PASSWORD, true, null), false);
    }

    private void heads(long regionId, Random random) {
        Region r = regions.get(regionId);
        regions.updateHeads(regionId, person(random), phone(random), person(random), phone(random), r.version());
    }

    static String rect(double lon, double lat, double w, double h) {
        return Polygon.toGeoJson(List.of(new GeoPoint(round(lon), round(lat)), new GeoPoint(round(lon + w), round(lat)),
                new GeoPoint(round(lon + w), round(lat + h)), new GeoPoint(round(lon), round(lat + h)),
                new GeoPoint(round(lon), round(lat))));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static String person(Random r) {
        return SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + (r.nextBoolean() ? GIVEN[r.nextInt(GIVEN.length)] : "");
    }

    private static String phone(Random r) {
        return "139" + String.format("%08d", r.nextInt(100_000_000));
    }

    private static String dutyPhone(Random r) {
        return "0599-" + String.format("%07d", 8_000_000 + r.nextInt(1_000_000));
    }
}
