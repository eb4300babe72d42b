package org.anquan.alerts.warnings;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * OASIS CAP 1.2 messages: written from an alert, and checked against the official schema
 * ({@code cap/cap-v1.2.xsd}) and the rules the schema cannot express — times with a numeric offset (no
 * {@code Z}, no fractions of a second), {@code restriction} only with scope Restricted, {@code addresses}
 * only with scope Private, a polygon's first point equal to its last (and at least four points), {@code
 * altitude} no higher than {@code ceiling} and {@code ceiling} only with {@code altitude}, and an expiry
 * after the onset. A message that breaks any of them is refused with every reason named.
 */
final class CapMessages {

    public static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";
    private static final Pattern TIME = Pattern.compile("\\d\\d\\d\\d-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");
    private static final DateTimeFormatter CAP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
    private static final Schema SCHEMA = schema();

    /** A refusal: the reasons, each a message key with its arguments. */
    public static final class Invalid extends RuntimeException {
        private final List<Reason> reasons;

        Invalid(List<Reason> reasons) {
            super(reasons.toString(), null, false, false);
            this.reasons = List.copyOf(reasons);
        }

        public List<Reason> reasons() {
            return reasons;
        }
    }

    public record Reason(String key, Object... args) {
        @Override
        public String toString() {
            return key + (args.length == 0 ? "" : " " + Arrays.toString(args));
        }
    }

    /** What a message says; the area's polygons are in CAP's form ("lat,lon lat,lon …"). */
    public record Message(String identifier, String sender, OffsetDateTime sent, String msgType, String scope, String references,
                          String category, String event, String urgency, String severity, String certainty, OffsetDateTime onset,
                          OffsetDateTime expires, String senderName, String headline, String description, String instruction,
                          String web, String areaDesc, List<String> polygons) {
    }

    private CapMessages() {
    }

    private static Schema schema() {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return f.newSchema(new StreamSource(CapMessages.class.getResourceAsStream("/cap/cap-v1.2.xsd")));
        } catch (SAXException e) {
            throw new IllegalStateException("the CAP 1.2 schema does not load", e);
        }
    }

    /** CAP's time: to the second, with the offset of the instant's zone as digits. */
    public static String time(OffsetDateTime t) {
        return t.truncatedTo(ChronoUnit.SECONDS).format(CAP_TIME);
    }

    /** The message as XML (UTF-8, the CAP 1.2 namespace, Chinese text), checked before it is returned. */
    public static String write(Message m) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<alert xmlns=\"").append(NAMESPACE).append("\">");
        el(x, "identifier", m.identifier());
        el(x, "sender", m.sender());
        el(x, "sent", time(m.sent()));
        el(x, "status", "Actual");
        el(x, "msgType", m.msgType());
        el(x, "scope", m.scope());
        if (m.references() != null) {
            el(x, "references", m.references());
        }
        x.append("<info>");
        el(x, "language", "zh-CN");
        el(x, "category", m.category());
        el(x, "event", m.event());
        el(x, "urgency", m.urgency());
        el(x, "severity", m.severity());
        el(x, "certainty", m.certainty());
        el(x, "onset", time(m.onset()));
        el(x, "expires", time(m.expires()));
        el(x, "senderName", m.senderName());
        el(x, "headline", m.headline());
        el(x, "description", m.description());
        if (m.instruction() != null) {
            el(x, "instruction", m.instruction());
        }
        if (m.web() != null) {
            el(x, "web", m.web());
        }
        x.append("<area>");
        el(x, "areaDesc", m.areaDesc());
        for (String p : m.polygons()) {
            el(x, "polygon", p);
        }
        x.append("</area></info></alert>\n");
        String xml = x.toString();
        check(xml);
        return xml;
    }

    private static void el(StringBuilder x, String name, String text) {
        x.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> x.append("&lt;");
                case '>' -> x.append("&gt;");
                case '&' -> x.append("&amp;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        x.append(c);
                    }
                }
            }
        }
        x.append("</").append(name).append('>');
    }

    /** Refuses the message unless the schema and every further rule accept it; all reasons are named. */
    public static void check(String xml) {
        List<Reason> reasons = new ArrayList<>();
        try {
            var v = SCHEMA.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            v.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            reasons.add(new Reason("cap.schema", e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Document doc = parse(xml);
        if (doc == null) {
            reasons.add(new Reason("cap.not.xml"));
            throw new Invalid(reasons);
        }
        for (String name : List.of("sent", "effective", "onset", "expires")) {
            for (Element e : elements(doc, name)) {
                String t = e.getTextContent().strip();
                if (t.endsWith("Z") || t.endsWith("z")) {
                    reasons.add(new Reason("cap.time.zulu", name, t));
                } else if (t.contains(".") || !TIME.matcher(t).matches()) {
                    reasons.add(new Reason("cap.time.form", name, t));
                }
            }
        }
        String scope = text(doc, "scope");
        if (!elements(doc, "restriction").isEmpty() && !"Restricted".equals(scope)) {
            reasons.add(new Reason("cap.restriction.scope"));
        }
        if (!elements(doc, "addresses").isEmpty() && !"Private".equals(scope)) {
            reasons.add(new Reason("cap.addresses.scope"));
        }
        for (Element p : elements(doc, "polygon")) {
            String problem = polygonProblem(p.getTextContent());
            if (problem != null) {
                reasons.add(new Reason(problem, p.getTextContent().length() > 60 ? p.getTextContent().substring(0, 60) + "…" : p.getTextContent()));
            }
        }
        for (Element area : elements(doc, "area")) {
            String altitude = childText(area, "altitude");
            String ceiling = childText(area, "ceiling");
            if (ceiling != null && altitude == null) {
                reasons.add(new Reason("cap.ceiling.alone"));
            }
            if (ceiling != null && altitude != null) {
                try {
                    if (new BigDecimal(altitude.strip()).compareTo(new BigDecimal(ceiling.strip())) > 0) {
                        reasons.add(new Reason("cap.altitude.above.ceiling", altitude.strip(), ceiling.strip()));
                    }
                } catch (NumberFormatException e) {
                    // the schema named it
                }
            }
        }
        for (Element info : elements(doc, "info")) {
            String onset = childText(info, "onset");
            String expires = childText(info, "expires");
            if (onset != null && expires != null && TIME.matcher(onset.strip()).matches() && TIME.matcher(expires.strip()).matches()
                    && !OffsetDateTime.parse(expires.strip()).isAfter(OffsetDateTime.parse(onset.strip()))) {
                reasons.add(new Reason("cap.expires.before.onset", onset.strip(), expires.strip()));
            }
        }
        if (!reasons.isEmpty()) {
            throw new Invalid(reasons);
        }
    }

    /**
     * Why a CAP polygon ("lat,lon lat,lon …") is not one, as a message key; null when it is: at least four
     * points, each a valid latitude and longitude, the first equal to the last.
     */
    public static String polygonProblem(String polygon) {
        String[] points = polygon == null ? new String[0] : polygon.strip().split("\\s+");
        if (points.length < 4) {
            return "cap.polygon.points";
        }
        for (String p : points) {
            String[] ll = p.split(",");
            try {
                double lat = Double.parseDouble(ll[0]);
                double lon = Double.parseDouble(ll[1]);
                if (ll.length != 2 || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
                    return "cap.polygon.point";
                }
            } catch (RuntimeException e) {
                return "cap.polygon.point";
            }
        }
        String[] first = points[0].split(",");
        String[] last = points[points.length - 1].split(",");
        if (Double.parseDouble(first[0]) != Double.parseDouble(last[0]) || Double.parseDouble(first[1]) != Double.parseDouble(last[1])) {
            return "cap.polygon.open";
        }
        return null;
    }

    private static Document parse(String xml) {
        try {
            var f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            return null;
        }
    }

    private static List<Element> elements(Document doc, String name) {
        NodeList nodes = doc.getElementsByTagNameNS(NAMESPACE, name);
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }

    private static String text(Document doc, String name) {
        List<Element> e = elements(doc, name);
        return e.isEmpty() ? null : e.get(0).getTextContent().strip();
    }

    private static String childText(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS(NAMESPACE, name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
