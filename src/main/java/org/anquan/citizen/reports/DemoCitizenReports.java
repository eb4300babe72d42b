package org.anquan.citizen.reports;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.anquan.citizen.open311.Open311Clients;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.anquan.platform.security.CurrentUser;
import org.anquan.shared.CityTime;
import org.anquan.shared.GeoPoint;
import org.anquan.shared.Polygon;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Two months of citizens' reports in the demo city, taken through the same intake and handling as
 * real ones: some waiting for review, some refused as spam, most accepted, a share turned into hazards
 * (whose progress the citizen follows) or crackdown clues, closed ones with their answers, two merged
 * duplicates, a few with photos, and a verified tip whose reward waits for the second approval.
 */
@Component
@Order(130)
@ConditionalOnProperty(name = "anquan.demo.enabled", havingValue = "true")
class DemoCitizenReports implements ApplicationRunner {

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("HAZARD_CHEMICALS", new String[] {"化工厂围墙外有刺鼻气味，晚上更明显", "路边仓库堆放大量油桶，没有看到消防器材"}),
            Map.entry("HAZARD_CONSTRUCTION", new String[] {"工地脚手架没有挂安全网，工人未系安全带", "基坑边没有护栏，紧挨人行道"}),
            Map.entry("HAZARD_GAS", new String[] {"小区燃气管道锈蚀严重，有轻微燃气味", "饭店后厨液化气瓶放在门口通道上"}),
            Map.entry("HAZARD_EQUIPMENT", new String[] {"商场电梯运行时异响，多次急停", "游乐场过山车检验标志过期"}),
            Map.entry("HAZARD_WORKPLACE", new String[] {"木材加工厂粉尘很大，电线乱拉", "工厂污水池清理时没有通风设备"}),
            Map.entry("ILLEGAL_MINING", new String[] {"河道夜间有人用挖掘机偷采河沙", "山上有人无证开采石料，经常放炮"}),
            Map.entry("ILLEGAL_CHEMICALS", new String[] {"村口有人用油罐车私卖柴油", "民房里储存大量油漆稀释剂对外销售"}),
            Map.entry("ILLEGAL_FIREWORKS", new String[] {"出租屋内有人制作烟花，常见货车进出", "小卖部无证销售大量烟花爆竹"}),
            Map.entry("ILLEGAL_CONSTRUCTION", new String[] {"厂房加建没有任何施工许可，夜间施工", "工地把工程转包给无资质的施工队"}),
            Map.entry("ROAD_DANGER", new String[] {"急弯处护栏被撞断一直没有修复", "学校门口路段减速带和标志缺失", "面包车经常超员拉人去镇上"}),
            Map.entry("FIRE_DANGER", new String[] {"小区消防通道被私家车长期占用", "电动车在楼道里充电，晚上很多", "商铺里住人，二楼卷帘门锁死"}));
    private static final String[] NAMES = {"张先生", "李女士", "王师傅", "刘阿姨", "陈同学"};
    private static final String[] REPLIES = {"经现场核查，已责令责任单位整改完毕，感谢您的监督。", "已联系属地街道和行业部门处理，问题已解决。",
            "经核查情况属实，已依法处理。感谢您的反映！"};

    private final JdbcClient jdbc;
    private final Intake intake;
    private final Handling handling;
    private final Open311Clients clients;
    private final Categories categories;
    private final Directory directory;
    private final Accounts accounts;
    private final CitizenProperties props;
    private final Clock clock;

    DemoCitizenReports(JdbcClient jdbc, Intake intake, Handling handling, Open311Clients clients, Categories categories, Directory directory,
                       Accounts accounts, CitizenProperties props, Clock clock) {
        this.props = props;
        this.jdbc = jdbc;
        this.intake = intake;
        this.handling = handling;
        this.clients = clients;
        this.categories = categories;
        this.directory = directory;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM citizen_report").query(Long.class).single() > 0 || directory.counties().isEmpty()
                || accounts.findByUsername("admin").isEmpty()) {
            return;
        }
        generate(90, new Random(2026));
    }

    void generate(int count, Random random) {
        var a = accounts.findByUsername("admin").orElseThrow();
        CurrentUser admin = accounts.principalOf(a.id()).user();
        clients.issue("12345政务服务便民热线", admin);
        clients.issue("随手拍微信小程序", admin);
        List<Categories.Category> all = categories.all();
        double[] box = cityBox();
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Categories.Category c = all.get(random.nextInt(all.size()));
            String[] texts = TEXTS.get(c.code());
            GeoPoint p = pointIn(box, random);
            boolean named = random.nextInt(3) == 0;
            Map<String, String> attributes = c.tip() ? Map.of("ongoing", random.nextBoolean() ? "YES" : "RECENT") : Map.of();
            List<Intake.Upload> photos = i % 7 == 0 ? List.of(new Intake.Upload("photo.jpg", photo(random))) : List.of();
            var done = intake.submit(new Intake.Submission(c.code(), texts[random.nextInt(texts.length)], null, p.lon(), p.lat(), null,
                    named ? NAMES[random.nextInt(NAMES.length)] : null, named ? "1390000" + (1000 + random.nextInt(9000)) : null, null,
                    attributes, photos, Intake.Source.WEB, null, null, null), "citizen");
            // spread over the last two months, the newest last
            OffsetDateTime at = now.minusMinutes((long) (count - i) * 60 * 24 * 60 / count + random.nextInt(600));
            jdbc.sql("UPDATE citizen_report SET submitted_at = :at, updated_at = :at, handling_due = :due WHERE id = :id")
                    .param("at", at).param("due", CityTime.dayOf(at, clock)
                            .plusDays(c.tip() ? props.tipHandlingDays() : props.reportHandlingDays()))
                    .param("id", done.id()).update();
            ids.add(done.id());
        }
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            int roll = random.nextInt(100);
            boolean recent = i > ids.size() - 8;
            if (recent || roll < 5) {
                continue; // waiting for review
            }
            if (roll < 10) {
                handling.reject(id, version(id), Handling.RejectReason.SPAM, admin);
                continue;
            }
            boolean tip = jdbc.sql("SELECT tip FROM citizen_report WHERE id = :id").param("id", id).query(Boolean.class).single();
            if (tip) {
                handling.toClue(id, version(id), "已移交属地打非治违办公室核查", admin);
                if (roll < 60) {
                    handling.close(id, version(id), REPLIES[2], admin);
                }
                continue;
            }
            if (roll < 40) {
                handling.toHazard(id, version(id), description(id), admin);
                continue;
            }
            handling.accept(id, version(id), admin);
            if (roll < 80) {
                handling.close(id, version(id), REPLIES[random.nextInt(2)], admin);
            } else {
                handling.reply(id, "已转交属地和行业部门，正在核实。", true, admin);
            }
        }
        mergeOneDuplicate(ids, admin);
        rewardOneTip(admin);
    }

    /** A second report of the same thing a few metres from an open one, merged into it. */
    private void mergeOneDuplicate(List<Long> ids, CurrentUser admin) {
        var open = jdbc.sql("SELECT id, category_code, lon, lat, description FROM citizen_report WHERE status = 'OPEN' AND lon IS NOT NULL ORDER BY id")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getString(5)})
                .list();
        if (open.isEmpty()) {
            return;
        }
        Object[] o = open.get(0);
        var second = intake.submit(new Intake.Submission((String) o[1], "同一个地方，" + o[4], null, (double) o[2] + 0.0003,
                (double) o[3] + 0.0002, null, null, null, null, Map.of(), List.of(), Intake.Source.WEB, null, null, null), "citizen");
        handling.merge(second.id(), version(second.id()), (long) o[0], admin);
        // and one more waiting for review, which the handler is offered as a duplicate
        intake.submit(new Intake.Submission((String) o[1], "还是没有处理：" + o[4], null, (double) o[2] - 0.0004, (double) o[3],
                null, null, null, null, Map.of(), List.of(), Intake.Source.WEB, null, null, null), "citizen");
    }

    private void rewardOneTip(CurrentUser admin) {
        jdbc.sql("SELECT id FROM citizen_report WHERE tip = TRUE AND status IN ('CLUE', 'CLOSED') ORDER BY id LIMIT 1")
                .query(Long.class).optional().ifPresent(id ->
                        handling.proposeReward(id, "GENERAL", new BigDecimal("500.00"), "举报查证属实，依法查处了非法经营行为", admin));
    }

    private String description(long id) {
        return jdbc.sql("SELECT description FROM citizen_report WHERE id = :id").param("id", id).query(String.class).single();
    }

    private int version(long id) {
        return jdbc.sql("SELECT version FROM citizen_report WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private double[] cityBox() {
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (Directory.RegionShape s : directory.countyShapes()) {
            var poly = Polygon.fromGeoJson(s.boundary());
            box[0] = Math.min(box[0], poly.minLon());
            box[1] = Math.min(box[1], poly.minLat());
            box[2] = Math.max(box[2], poly.maxLon());
            box[3] = Math.max(box[3], poly.maxLat());
        }
        return box;
    }

    private GeoPoint pointIn(double[] box, Random random) {
        for (int i = 0; i < 1000; i++) {
            GeoPoint p = new GeoPoint(box[0] + random.nextDouble() * (box[2] - box[0]), box[1] + random.nextDouble() * (box[3] - box[1]));
            if (directory.countyAt(p).isPresent()) {
                return p;
            }
        }
        throw new IllegalStateException("no point of the demo city lies in a county");
    }

    /** A stand-in for a phone's photo: a gradient the size of a small picture. */
    private static byte[] photo(Random random) {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(random.nextInt(200), 120, 160), 640, 480, new Color(230, 230, random.nextInt(255))));
        g.fillRect(0, 0, 640, 480);
        g.dispose();
        try (var out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "jpg", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
