package org.anquan.traffic.wim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.anquan.IntegrationTest;
import org.anquan.directory.Directory;
import org.anquan.platform.security.Accounts;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readings over MQTT against the machine's Mosquitto (127.0.0.1:1883, started by {@code .ci/run}; skipped
 * where no broker runs, unless {@code ANQUAN_REQUIRE_MQTT} is set, as CI sets it): stored, a payload that is
 * not JSON and a topic of no station counted while the consumer goes on, and what is published while the
 * consumer is away delivered when it comes back.
 */
@IntegrationTest
class MqttIntakeTests {

    static final String BROKER = "tcp://127.0.0.1:1883";

    @Autowired Readings readings;
    @Autowired Stations stations;
    @Autowired JsonMapper json;
    @Autowired Accounts accounts;
    @Autowired Directory directory;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    @BeforeAll
    static void broker() {
        boolean up;
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 1_000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        if (System.getenv("ANQUAN_REQUIRE_MQTT") != null) {
            assertThat(up).as("Mosquitto answers on 127.0.0.1:1883").isTrue();
        }
        assumeTrue(up, "no MQTT broker on 127.0.0.1:1883 (.ci/run starts Mosquitto)");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 150 && !condition.getAsBoolean(); i++) {
            Thread.sleep(100);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    long stored(Stations.Station s) {
        return jdbc.sql("SELECT COUNT(*) FROM traffic_reading WHERE station_id = :s").param("s", s.id()).query(Long.class).single();
    }

    @Test
    void readingsArriveBadPayloadsAreCountedAndTheConsumerKeepsItsPlace() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String code = "MQ-" + run;
        var admin = accounts.principalOf(accounts.findByUsername("admin").orElseThrow().id()).user();
        long county = admin.regionId() == null ? directory.counties().get(0).id() : admin.regionId();
        var p = directory.randomPointIn(county, new Random(1)).orElseThrow();
        var station = stations.register(new Stations.StationInput(code, "MQTT站", "G1", "K1", "东", p.lat(), p.lon(), county, "公路中心"), admin)
                .station();
        String topic = "anquan-test/" + run + "/+/readings";
        String clientId = "anquan-test-" + run;
        MqttIntake consumer = new MqttIntake(readings, stations, json, BROKER, topic, clientId);
        MqttClient publisher = new MqttClient(BROKER, "anquan-test-pub-" + run, new MemoryPersistence());
        try {
            consumer.start();
            await(consumer::subscribed, "the consumer subscribed");
            publisher.connect(new MqttConnectOptions());
            String mine = "anquan-test/" + run + "/" + code + "/readings";
            OffsetDateTime at = OffsetDateTime.now(clock).minusMinutes(5);
            publisher.publish(mine, "not json {".getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish(mine, json.writeValueAsBytes(List.of(TrafficIntakeTests.reading(code, 1, at, "皖A88001", 40_000),
                    TrafficIntakeTests.reading(code, 2, at.plusSeconds(3), "皖A88002", 56_000))), 1, false);
            publisher.publish("anquan-test/" + run + "/NO-SUCH-STATION/readings",
                    json.writeValueAsBytes(TrafficIntakeTests.reading("NO-SUCH-STATION", 1, at, "皖A88003", 40_000)), 1, false);
            // a reading naming another station than its topic's is refused, the one after it taken
            publisher.publish(mine, json.writeValueAsBytes(TrafficIntakeTests.reading("WIM-1", 3, at, "皖A88004", 40_000)), 1, false);
            publisher.publish(mine, json.writeValueAsBytes(TrafficIntakeTests.reading(code, 4, at.plusSeconds(9), "皖A88005", 40_000)), 1, false);
            await(() -> consumer.counts().messages() == 5, "all five messages handled");
            var counts = consumer.counts();
            assertThat(counts.malformed()).isEqualTo(1);
            assertThat(counts.unknownStation()).isEqualTo(1);
            assertThat(counts.rejectedReadings()).isEqualTo(1);
            assertThat(counts.accepted()).isEqualTo(3);
            assertThat(stored(station)).isEqualTo(3);
            assertThat(jdbc.sql("SELECT COUNT(*) FROM traffic_case WHERE station_id = :s").param("s", station.id()).query(Long.class).single())
                    .isEqualTo(1);

            // away: what is published meanwhile waits at the broker for the same client
            consumer.stop();
            publisher.publish(mine, json.writeValueAsBytes(TrafficIntakeTests.reading(code, 5, at.plusSeconds(12), "皖A88006", 40_000)), 1, false);
            MqttIntake back = new MqttIntake(readings, stations, json, BROKER, topic, clientId);
            try {
                back.start();
                await(() -> stored(station) == 4, "the reading published while the consumer was away arrived");
            } finally {
                back.stop();
            }
        } finally {
            consumer.stop();
            if (publisher.isConnected()) {
                publisher.disconnect();
            }
            publisher.close();
        }
    }
}
