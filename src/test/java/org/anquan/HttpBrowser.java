package org.anquan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser's view of a running instance over real HTTP (through Tomcat, its valves and the
 * session store, which MockMvc bypasses): it keeps the session cookie it was given.
 */
public final class HttpBrowser {

    static final Pattern SESSION = Pattern.compile("SESSION=([^;]*)");
    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final int port;
    private String session;

    public HttpBrowser(int port) {
        this.port = port;
    }

    /** The same browser (its cookie) talking to another instance. */
    public HttpBrowser at(int otherPort) {
        HttpBrowser other = new HttpBrowser(otherPort);
        other.session = session;
        return other;
    }

    public String session() {
        return session;
    }

    public HttpBrowser withSession(String cookie) {
        this.session = cookie;
        return this;
    }

    /** Logs in through the login form; the response to the form's POST. Extra headers as name, value pairs. */
    public HttpResponse<String> logIn(String username, String password, String... headers) {
        HttpResponse<String> form = get("/login");
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String body = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        return send(request("/login", headers).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public HttpResponse<String> post(String path, String contentType, byte[] body, String... headers) {
        return send(request(path, headers).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** The value of the Set-Cookie header for the session, attributes included, if the response set one. */
    public static Optional<String> sessionCookieHeader(HttpResponse<?> r) {
        return r.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION=")).reduce((a, b) -> b);
    }

    public static String location(HttpResponse<?> r) {
        return r.headers().firstValue("Location").orElse("");
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (session != null) {
            b.header("Cookie", "SESSION=" + session);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            sessionCookieHeader(r).map(SESSION::matcher).filter(Matcher::find).ifPresent(m -> session = m.group(1));
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
