package org.anquan.traffic.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.*;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.CityTime;
import org.anquan.shared.GeoPoint;
import org.anquan.traffic.passenger.PassengerSafety;
import org.anquan.traffic.roads.Roads;
import org.anquan.traffic.seizures.Seizures;
import org.anquan.traffic.water.WaterSafety;
import org.anquan.traffic.wim.Cases;
import org.anquan.traffic.wim.Exemptions;
import org.anquan.traffic.wim.Readings;
import org.anquan.traffic.wim.RepeatOffences;
import org.anquan.traffic.wim.SourceUnits;
import org.anquan.traffic.wim.Stations;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * A weigh-in-motion station in each of the first four counties with two weeks of readings sent through the
 * intake (about 3% over the limit, a few trucks again and again), the transport companies and their trucks,
 * loading units, and cases at every stage: untouched, parties identified and notified, answered and closed,
 * feedback overdue and climbing the ladder; then the Art. 66 rules are applied.
 */
@Component
@Order(170)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoTraffic implements ApplicationRunner {

    private static final String[] ROADS = {"G205", "S104", "G330", "S211"};
    private static final String[][] COMPANIES = {
            {"顺达物流运输有限公司", "20"}, {"宏远货运有限公司", "35"}, {"鑫通汽车运输有限公司", "8"}, {"安畅物流有限公司", "50"}, {"恒运砂石运输有限公司", "12"}};
    private static final String[][] SOURCES = {
            {"青龙山采石场", "QUARRY"}, {"江滩砂石料场", "SAND_YARD"}, {"城北物流园", "LOGISTICS_PARK"}, {"华新水泥厂", "FACTORY"},
            {"白马砂石码头", "SAND_YARD"}, {"金鼎钢构厂", "FACTORY"}};
    /** Plates that keep coming back over the limit (Art. 66). */
    private static final String[] REPEATERS = {"皖A7K321", "皖A8M902"};

    private final JdbcClient jdbc;
    private final Stations stations;
    private final Readings readings;
    private final Cases cases;
    private final SourceUnits sources;
    private final RepeatOffences repeats;
    private final Roads roads;
    private final Seizures seizures;
    private final PassengerSafety passenger;
    private final WaterSafety water;
    private final Exemptions exemptions;
    private final Directory directory;
    private final Accounts accounts;
    private final Clock clock;

    DemoTraffic(JdbcClient jdbc, Stations stations, Readings readings, Cases cases, SourceUnits sources, RepeatOffences repeats,
                Roads roads, Seizures seizures, PassengerSafety passenger,
                WaterSafety water, Exemptions exemptions, Directory directory,
                Accounts accounts, Clock clock) {
        this.exemptions = exemptions;
        this.water = water;
        this.passenger = passenger;
        this.roads = roads;
        this.seizures = seizures;
        this.jdbc = jdbc;
        this.stations = stations;
        this.readings = readings;
        this.cases = cases;
        this.sources = sources;
        this.repeats = repeats;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM traffic_station").query(Long.class).single() > 0 || accounts.findByUsername("admin").isEmpty()) {
            return;
        }
        CurrentUser admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        Random random = new Random(170);
        var counties = directory.counties();
        Long transport = directory.departments().stream().filter(d -> d.code().equals("TRANSPORT")).findFirst().map(Directory.DepartmentRef::id)
                .orElse(null);
        List<Long> operators = new ArrayList<>();
        for (int i = 0; i < COMPANIES.length; i++) {
            var county = counties.get(i % counties.size());
            var keys = new GeneratedKeyHolder();
            jdbc.sql("""
                    INSERT INTO traffic_operator (name, registered_place, authority, fleet_size, county_id)
                    VALUES (:n, :p, :a, :f, :c)""")
                    .param("n", county.name() + COMPANIES[i][0]).param("p", county.name()).param("a", county.name() + "交通运输局")
                    .param("f", Integer.parseInt(COMPANIES[i][1])).param("c", county.id()).update(keys, "id");
            operators.add(keys.getKeyAs(Number.class).longValue());
        }
        List<String> plates = new ArrayList<>(List.of(REPEATERS));
        for (int i = 0; plates.size() < 40; i++) {
            plates.add("皖" + (char) ('A' + random.nextInt(8)) + (10000 + random.nextInt(89999)));
        }
        for (int i = 0; i < plates.size(); i++) {
            Long operator = i % 8 == 7 ? null : operators.get(i == 1 ? 2 : i % operators.size());
            jdbc.sql("""
                    INSERT INTO traffic_vehicle (plate, plate_colour, operator_id, owner_name, registered_place, kind)
                    VALUES (:p, 'YELLOW', :o, :n, :place, 'TRACTOR')""")
                    .param("p", plates.get(i)).param("o", operator).param("n", operator == null ? "个体车主" + (i + 1) : "—")
                    .param("place", counties.get(i % counties.size()).name()).update();
        }
        List<Long> units = new ArrayList<>();
        for (int i = 0; i < SOURCES.length; i++) {
            var county = counties.get(i % Math.min(4, counties.size()));
            units.add(sources.register(new SourceUnits.UnitInput(county.name() + SOURCES[i][0], SOURCES[i][1], null, county.id(),
                    county.name() + "工业大道" + (8 + i * 11) + "号", transport), admin));
        }
        List<Stations.Station> list = new ArrayList<>();
        for (int i = 0; i < Math.min(4, counties.size()); i++) {
            var county = counties.get(i);
            GeoPoint p = directory.randomPointIn(county.id(), random).orElse(null);
            if (p == null) {
                continue;
            }
            list.add(stations.register(new Stations.StationInput("WIM-" + (i + 1), county.name() + ROADS[i] + "不停车超限检测站", ROADS[i],
                    "K" + (100 + random.nextInt(900)) + "+" + (100 * random.nextInt(10)), i % 2 == 0 ? "上行" : "下行", p.lat(), p.lon(), county.id(),
                    county.name() + "公路事业发展中心"), admin).station());
        }
        LocalDate today = LocalDate.now(clock);
        exemptions.add(plates.get(10), "REFRIGERATED", null, today.minusMonths(3), today.plusYears(1), "GB 1589合规证明 第2026-0457号", admin);
        exemptions.add("皖AN3210", "LICENCE_MASS", 4_500, today.minusYears(1), today.plusYears(2), "行驶证核定总质量4500千克", admin);
        sendReadings(list, plates, random, admin);
        progressCases(units, random, admin);
        cases.climbLadder();
        repeats.raise();
        roadsAndTunnels(list, random, admin);
        seizures(counties, random, admin);
        passengerAndDangerous(counties, random, admin);
        water(counties, random, admin);
    }

    /** A ferry crossing and a fishing port, six vessels, and this year's flood-season inspections: some done, one with findings. */
    private void water(List<Directory.RegionRef> counties, Random random, CurrentUser admin) {
        var county = counties.get(1 % counties.size());
        GeoPoint a = directory.randomPointIn(county.id(), random).orElseThrow();
        GeoPoint b = directory.randomPointIn(county.id(), random).orElseThrow();
        long ferry = water.addPier(county.name() + "江口渡口", "FERRY", county.id(), county.name() + "江口渡运站", a.lat(), a.lon(), admin);
        water.addPier(county.name() + "白沙渔港", "FISHING_PORT", county.id(), county.name() + "渔港管理所", b.lat(), b.lon(), admin);
        String[][] vessels = {{"江渡1号", "FERRY", "6", "60", "true"}, {"江渡2号", "FERRY", "4", "40", "true"}, {"江城客1", "PASSENGER", "8", "120", "true"},
                {"顺航888", "CARGO", "5", "0", "true"}, {"化运6号", "DANGEROUS_GOODS", "7", "0", "true"}, {"渔001", "FISHING", "3", "0", "false"},
                {"渔002", "FISHING", "3", "0", "true"}};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < vessels.length; i++) {
            String[] v = vessels[i];
            ids.add(water.addVessel(county.name() + v[0], "CN" + (2026_0000 + i * 137) + "-" + county.id(), v[1], "示例港", i < 2 ? county.name() + "江口渡运站"
                    : county.name() + "船东" + (i + 1), Integer.parseInt(v[2]), Integer.parseInt(v[3]), Boolean.parseBoolean(v[4]), county.id(),
                    i < 2 ? ferry : null, admin));
        }
        int year = water.season()[0].getYear();
        Map<String, Long> departments = new HashMap<>();
        directory.departments().forEach(d -> departments.put(d.code(), d.id()));
        LocalDate june = LocalDate.of(year, 6, 12);
        water.inspect("pier", ferry, departments.get("TRANSPORT"), june, "交通执法刘某", null, null, admin);
        water.inspect("vessel", ids.get(0), departments.get("TRANSPORT"), june, "交通执法刘某", null, null, admin);
        water.inspect("vessel", ids.get(0), departments.get("EMB"), june.plusDays(20), "应急局周某", null, null, admin);
        water.inspect("vessel", ids.get(1), departments.get("TRANSPORT"), june.plusDays(2), "交通执法刘某", "救生衣数量不足，缺少8件", LocalDate.now(clock).plusDays(20),
                admin);
        water.inspect("vessel", ids.get(5), departments.get("AGRI"), june.plusDays(30), "渔政王某", null, null, admin);
    }

    /**
     * A charter bus company, a scheduled bus company and a dangerous goods carrier, their vehicles (one in ten
     * terminals silent for hours), drivers and violations of the year: one driver caught drunk, one speeding again and again.
     */
    private void passengerAndDangerous(List<Directory.RegionRef> counties, Random random, CurrentUser admin) {
        String[][] operators = {{"TOURIST_CHARTER", "旅游客运有限公司", "8"}, {"SCHEDULED_PASSENGER", "长途客运有限公司", "12"},
                {"DANGEROUS_GOODS", "危险品运输有限公司", "10"}};
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> drivers = new ArrayList<>();
        int plate = 0;
        for (int i = 0; i < operators.length; i++) {
            var county = counties.get(i % counties.size());
            long operator = passenger.addOperator(county.name() + operators[i][1], operators[i][0], county.name(), county.name() + "交通运输局",
                    Integer.parseInt(operators[i][2]), county.id(), admin);
            for (int v = 0; v < Integer.parseInt(operators[i][2]); v++) {
                String p = "皖" + (char) ('A' + i) + (i == 2 ? "D" : "K") + (3000 + plate++);
                passenger.addVehicle(p, operator, v != 3, admin);
                passenger.position(p, now.minusMinutes(v % 10 == 9 ? 300 : 1 + random.nextInt(20)));
            }
            for (int d = 0; d < 3; d++) {
                drivers.add(passenger.addDriver("张王李赵刘陈".charAt((i + d) % 6) + "师傅" + (i * 3 + d + 1), "3401" + (20000000 + i * 1000 + d * 37),
                        operator, admin));
            }
        }
        passenger.recordViolation(drivers.get(0), "皖AK3001", "DRUNK_DRIVING", now.minusDays(40), "G205 城区段", "POLICE", admin);
        for (int k = 0; k < 3; k++) {
            passenger.recordViolation(drivers.get(4), "皖BK3010", k == 1 ? "FATIGUE" : "SPEEDING", now.minusDays(90 - k * 25), "S104 K56", "TERMINAL", admin);
        }
        passenger.recordViolation(drivers.get(7), "皖CD3022", "TERMINAL_OFFLINE", now.minusDays(3), "G330", "TERMINAL", admin);
    }

    /** A segment along each station's road (the first listed by the county), and three tunnels: one dangerous by its bore, one by a fire. */
    private void roadsAndTunnels(List<Stations.Station> list, Random random, CurrentUser admin) {
        for (int i = 0; i < list.size(); i++) {
            Stations.Station s = list.get(i);
            roads.addSegment(new Roads.SegmentInput(s.road(), "K" + (20 + i * 7), "K" + (22 + i * 7), i == 0 ? "青龙山连续下坡" : "城郊平交路口段",
                    s.countyId(), directory.region(s.countyId()).map(Directory.RegionRef::name).orElse("") + "公路事业发展中心",
                    s.lat(), s.lon(), end(s).lat(), end(s).lon(), i == 0, i == 0 ? "近三年发生货车制动失效事故4起" : null), admin);
        }
        String[][] tunnels = {{"凤凰山隧道", "3260", "true", "0"}, {"城关隧道", "1180", "false", "1"}, {"石门隧道", "420", "false", "0"}};
        for (int i = 0; i < tunnels.length && i < list.size(); i++) {
            Stations.Station s = list.get(i);
            GeoPoint p = directory.randomPointIn(s.countyId(), random).orElseThrow();
            roads.addTunnel(new Roads.TunnelInput(tunnels[i][0], s.road(), "K" + (40 + i * 13) + "+200", s.countyId(), "市高速公路管理处",
                    Integer.parseInt(tunnels[i][1]), Boolean.parseBoolean(tunnels[i][2]), 8_000 + random.nextInt(12_000),
                    BigDecimal.valueOf(4 + random.nextInt(9)), 0, Integer.parseInt(tunnels[i][3]), p.lat(), p.lon()), admin);
        }
    }

    /** The other end of a segment starting at the station: about a kilometre away, inside the station's county. */
    private GeoPoint end(Stations.Station s) {
        double[][] offsets = {{0.004, 0.009}, {-0.004, -0.009}, {0.008, -0.003}, {-0.008, 0.003}};
        for (double[] o : offsets) {
            GeoPoint p = new GeoPoint(s.lon() + o[1], s.lat() + o[0]);
            if (directory.countyAt(p).map(c -> c.id() == s.countyId()).orElse(false)) {
                return p;
            }
        }
        return new GeoPoint(s.lon(), s.lat());
    }

    /** Seizures of the last two months traced to a few producers, sellers and shops (two of them again and again), half disposed of. */
    private void seizures(List<Directory.RegionRef> counties, Random random, CurrentUser admin) {
        LocalDate today = LocalDate.now(clock);
        String[] kinds = {"UNREGISTERED", "MODIFIED", "SCRAPPED_RUNNING", "NON_STANDARD"};
        String county0 = counties.get(0).name();
        for (int i = 0; i < 10; i++) {
            var county = counties.get(i % Math.min(4, counties.size()));
            String kind = kinds[i % kinds.length];
            boolean modified = kind.equals("MODIFIED");
            long id = seizures.record(new Seizures.SeizureInput(today.minusDays(55 - i * 5), county.id(), county.name() + "城区执法检查点",
                    county.name() + "交通运输执法大队", i % 3 == 2 ? null : "皖" + (char) ('A' + i % 5) + (20000 + i * 731),
                    i % 3 == 2 ? "LFV2A21K5" + (63000000 + i) : null, kind,
                    modified ? "货车擅自加高栏板、加装副油箱" : kind.equals("NON_STANDARD") ? "三轮电动车超标，无合格证" : "无号牌低速货车",
                    kind.equals("NON_STANDARD") ? "鑫达电动车制造有限公司" : null, kind.equals("NON_STANDARD") ? "浙江省台州市" : null,
                    i % 2 == 0 ? county0 + "惠民车行" : null, i % 2 == 0 ? county0 + "城南路18号" : null,
                    modified ? county0 + "顺风汽修厂" : null, modified ? county0 + "工业园区3号" : null), admin);
            if (i < 6) {
                var z = seizures.seizure(id, admin.scope());
                seizures.dispose(id, z.version(), modified ? "RETURNED_RECTIFIED" : i % 2 == 0 ? "SCRAPPED" : "ELIMINATED",
                        modified ? "已恢复原状，验收人：王某" : "报废回收证明 第" + (2026001 + i) + "号", z.seizedOn().plusDays(3), null, null, admin);
            }
        }
    }

    private void sendReadings(List<Stations.Station> list, List<String> plates, Random random, CurrentUser admin) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = LocalDate.now(clock);
        for (Stations.Station s : list) {
            List<Map<String, Object>> batch = new ArrayList<>();
            long seq = 100_000L * s.id();
            for (int d = 13; d >= 0; d--) {
                OffsetDateTime start = CityTime.startOf(today.minusDays(d), clock);
                int count = 110 + random.nextInt(40);
                for (int k = 0; k < count; k++) {
                    OffsetDateTime at = start.plusSeconds(86_400L * k / count + random.nextInt(300));
                    if (at.isAfter(now)) {
                        break;
                    }
                    boolean repeat = random.nextInt(200) == 0;
                    // most trucks pass once; one in ten is of the register, and two of those keep coming back over the limit
                    String plate = repeat ? REPEATERS[random.nextInt(REPEATERS.length)]
                            : random.nextInt(10) == 0 ? plates.get(random.nextInt(plates.size()))
                            : "皖" + "ABCDEFGHJK".charAt(random.nextInt(10)) + (10000 + random.nextInt(89999));
                    boolean over = repeat || random.nextInt(100) < 3;
                    batch.add(reading(s.code(), ++seq, at, plate, over, random));
                }
            }
            for (int from = 0; from < batch.size(); from += 1000) {
                var result = readings.intake(batch.subList(from, Math.min(batch.size(), from + 1000)), admin, from + 1);
                if (result.rejected() > 0) {
                    throw new IllegalStateException("demo readings refused: " + result.answers().stream()
                            .filter(x -> x.status() == Readings.Status.REJECTED).findFirst().orElseThrow());
                }
            }
        }
    }

    /** A six-axle combination (limit 49 t) loaded to 60-98% of it, or 5-45% over when {@code over}. */
    private static Map<String, Object> reading(String station, long seq, OffsetDateTime at, String plate, boolean over, Random random) {
        int gross = over ? 49_000 + 2_450 + random.nextInt(19_600) : 29_400 + random.nextInt(18_600);
        int steer = 6_500 + random.nextInt(1_000);
        int rest = gross - steer;
        List<Map<String, Object>> axles = new ArrayList<>();
        axles.add(Map.of("weightKg", steer, "tyres", "SINGLE", "drive", false));
        for (int i = 1; i < 6; i++) {
            axles.add(Map.of("weightKg", i == 5 ? rest - 4 * (rest / 5) : rest / 5, "tyres", "DUAL", "drive", i <= 2));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("stationCode", station);
        r.put("sequence", seq);
        r.put("measuredAt", at.toString());
        r.put("plate", plate);
        r.put("plateColour", "YELLOW");
        r.put("combination", true);
        r.put("axles", axles);
        r.put("grossKg", gross);
        r.put("lengthM", 16.2 + random.nextInt(15) / 10.0);
        r.put("widthM", 2.5);
        r.put("heightM", 3.6 + random.nextInt(5) / 10.0);
        r.put("speedKmh", 45 + random.nextInt(40));
        r.put("lane", 1 + random.nextInt(2));
        return r;
    }

    /**
     * The cases of the first week: all four parties identified and notified, three in four answered (closed
     * when all four are); the notices of some sent long enough ago that their feedback is overdue.
     */
    private void progressCases(List<Long> units, Random random, CurrentUser admin) {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = jdbc.sql("SELECT id FROM traffic_case WHERE measured_at < :t ORDER BY measured_at, id")
                .param("t", CityTime.startOf(today.minusDays(6), clock)).query(Long.class).list();
        int n = 0;
        for (long id : ids) {
            n++;
            for (Cases.Party party : Cases.Party.values()) {
                var c = cases.view(id, admin.scope());
                var p = c.parties().stream().filter(x -> x.party() == party).findFirst().orElseThrow();
                if (!p.identified()) {
                    cases.identify(id, c.version(), party, identity(party, c, units, random), admin);
                    c = cases.view(id, admin.scope());
                }
                cases.notifyParty(id, c.version(), party, admin);
            }
            if (n % 4 != 0) {
                for (Cases.Party party : Cases.Party.values()) {
                    if (n % 4 == 3 && party == Cases.Party.SOURCE) {
                        continue;
                    }
                    cases.answer(id, cases.view(id, admin.scope()).version(), party, answerOf(party), admin);
                }
            } else {
                // sent three weeks ago: the feedback is overdue
                jdbc.sql("UPDATE traffic_case_party SET notified_at = :at, due_on = :due WHERE case_id = :id")
                        .param("at", OffsetDateTime.now(clock).minusDays(21 + n % 10)).param("due", today.minusDays(6 + n % 10)).param("id", id).update();
                jdbc.sql("UPDATE traffic_case SET feedback_due_on = :due WHERE id = :id").param("due", today.minusDays(6 + n % 10)).param("id", id)
                        .update();
            }
        }
    }

    private Cases.IdentifyInput identity(Cases.Party party, Cases.CaseView c, List<Long> units, Random random) {
        String county = directory.region(c.countyId()).map(Directory.RegionRef::name).orElse("");
        return switch (party) {
            case DRIVER -> new Cases.IdentifyInput("驾驶人" + "张王李赵刘陈杨黄".charAt(random.nextInt(8)) + "某", county, county + "公安局交通警察大队", null, null);
            case OWNER -> new Cases.IdentifyInput("个体车主", county, county + "交通运输局", null, null);
            case SOURCE -> new Cases.IdentifyInput(null, null, null, units.get(random.nextInt(3) == 0 ? random.nextInt(units.size()) : 0), null);
            case REGULATOR -> new Cases.IdentifyInput(county + "交通运输局", county, county + "人民政府", null, null);
        };
    }

    private static String answerOf(Cases.Party party) {
        return switch (party) {
            case DRIVER -> "已对驾驶人处以罚款并记分，驾驶人已接受安全教育。";
            case OWNER -> "已约谈车辆所属企业负责人，责令整改并纳入重点监管。";
            case SOURCE -> "已对源头单位立案查处，落实装载称重和出场登记制度。";
            case REGULATOR -> "已督促属地交通运输部门加强源头巡查。";
        };
    }
}
