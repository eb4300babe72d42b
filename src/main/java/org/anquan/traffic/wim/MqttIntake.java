package org.anquan.traffic.wim;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Readings over MQTT: a topic per station ({@code anquan/wim/<station code>/readings}, a JSON reading or an
 * array of them), subscribed with QoS 1 in a persistent session, so the broker keeps what arrives while the
 * application is down and hands it over on reconnection. The station is the topic's: a reading naming another
 * is refused (the broker's ACL decides who may publish where). A payload that is not JSON, a topic of no
 * known station or a refused reading is logged and counted, and the consumer goes on with the next message.
 * Without {@code anquan.traffic.mqtt.broker} nothing connects.
 */
@Component
class MqttIntake implements SmartLifecycle, MqttCallbackExtended {

    private static final Logger LOG = LoggerFactory.getLogger(MqttIntake.class);
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Object>> ONE = new TypeReference<>() {
    };

    /** What became of the messages since the start. */
    public record Counts(long messages, long accepted, long duplicates, long rejectedReadings, long malformed, long unknownStation) {
    }

    private final Readings readings;
    private final Stations stations;
    private final JsonMapper json;
    private final String broker;
    private final String topic;
    private final String clientId;
    private final AtomicLong messages = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final AtomicLong unknown = new AtomicLong();
    private volatile MqttClient client;
    private volatile boolean subscribed;

    public MqttIntake(Readings readings, Stations stations, JsonMapper json, @Value("${anquan.traffic.mqtt.broker}") String broker,
               @Value("${anquan.traffic.mqtt.topic}") String topic, @Value("${anquan.traffic.mqtt.client-id}") String clientId) {
        this.readings = readings;
        this.stations = stations;
        this.json = json;
        this.broker = broker == null ? "" : broker.strip();
        this.topic = topic;
        this.clientId = clientId;
        if (!topic.matches("[A-Za-z0-9_/-]*\\+[A-Za-z0-9_/-]*")) {
            throw new IllegalStateException("anquan.traffic.mqtt.topic has one + where the station's code stands, e.g. anquan/wim/+/readings");
        }
    }

    public boolean enabled() {
        return !broker.isEmpty();
    }

    /** Connected and subscribed: what is published from now on reaches it, or waits for it at the broker. */
    public boolean subscribed() {
        return subscribed;
    }

    public Counts counts() {
        return new Counts(messages.get(), accepted.get(), duplicates.get(), rejected.get(), malformed.get(), unknown.get());
    }

    @Override
    public void start() {
        if (!enabled()) {
            return;
        }
        try {
            MqttClient c = new MqttClient(broker, clientId, new MemoryPersistence());
            c.setCallback(this);
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(false);
            options.setAutomaticReconnect(true);
            options.setConnectionTimeout(10);
            options.setKeepAliveInterval(30);
            client = c;
            c.connect(options);
            LOG.info("MQTT intake connected to {} as {}, topic {}", broker, clientId, topic);
        } catch (MqttException e) {
            // the application runs on; Paho reconnects once the first connection has been made, so try again at the next start
            LOG.error("MQTT intake could not connect to {}: {}", broker, e.getMessage());
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(topic, 1);
            subscribed = true;
        } catch (MqttException e) {
            LOG.error("MQTT intake could not subscribe to {}: {}", topic, e.getMessage());
        }
    }

    @Override
    public void stop() {
        MqttClient c = client;
        client = null;
        subscribed = false;
        if (c != null) {
            try {
                if (c.isConnected()) {
                    c.disconnect(2_000);
                }
                c.close();
            } catch (MqttException e) {
                LOG.warn("MQTT intake: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return client != null;
    }

    @Override
    public void connectionLost(Throwable cause) {
        subscribed = false;
        LOG.warn("MQTT intake lost its connection ({}); reconnecting", cause == null ? "?" : cause.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    /** Never throws: an exception here would make Paho drop the connection. */
    @Override
    public void messageArrived(String topicName, MqttMessage message) {
        messages.incrementAndGet();
        try {
            handle(topicName, message.getPayload());
        } catch (RuntimeException e) {
            rejected.incrementAndGet();
            LOG.error("MQTT intake: a message on {} failed: {}", topicName, e.toString());
        }
    }

    /** The station's code: the part of the topic where the filter has its +. */
    String stationOf(String topicName) {
        String[] filter = topic.split("/", -1);
        String[] parts = topicName.split("/", -1);
        if (filter.length != parts.length) {
            return null;
        }
        for (int i = 0; i < filter.length; i++) {
            if (filter[i].equals("+")) {
                return parts[i];
            }
        }
        return null;
    }

    void handle(String topicName, byte[] payload) {
        String code = stationOf(topicName);
        Stations.Station station = code == null ? null : stations.byCode(code).orElse(null);
        if (station == null) {
            unknown.incrementAndGet();
            LOG.warn("MQTT intake: {} names no known station; message dropped", topicName);
            return;
        }
        List<Map<String, Object>> items;
        try {
            String text = new String(payload, StandardCharsets.UTF_8).strip();
            items = text.startsWith("[") ? json.readValue(text, LIST) : List.of(json.readValue(text, ONE));
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
            LOG.warn("MQTT intake: a payload of {} bytes on {} is not a JSON reading or array of readings; dropped", payload.length, topicName);
            return;
        }
        Readings.BatchResult result = readings.intakeFromStation(station, items);
        accepted.addAndGet(result.accepted());
        duplicates.addAndGet(result.duplicates());
        rejected.addAndGet(result.rejected());
        if (result.rejected() > 0) {
            result.answers().stream().filter(a -> a.status() == Readings.Status.REJECTED).limit(5)
                    .forEach(a -> LOG.warn("MQTT intake: {} reading {} refused: {}", station.code(), a.position(), a.errors()));
        }
    }
}
