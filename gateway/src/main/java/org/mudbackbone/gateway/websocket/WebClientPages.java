package org.mudbackbone.gateway.websocket;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The web client: three static files, read once from the classpath and served with a strict
 * Content-Security-Policy (scripts and styles from this gateway only, no inline code, connections
 * only back to it), so that even a mistake in the client could not run what a player typed.
 */
final class WebClientPages {

    private record Page(byte[] body, String type) {}

    private final Map<String, Page> pages;

    WebClientPages(String gameName) {
        pages = Map.of(
                "index.html", new Page(read("index.html").replace("__GAME_NAME__", html(gameName))
                        .getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8"),
                "client.js", new Page(read("client.js").getBytes(StandardCharsets.UTF_8), "text/javascript; charset=utf-8"),
                "client.css", new Page(read("client.css").getBytes(StandardCharsets.UTF_8), "text/css; charset=utf-8"));
    }

    Publisher<Void> send(String name, HttpServerRequest request, HttpServerResponse response) {
        Page page = pages.get(name);
        if (page == null) {
            return response.status(HttpResponseStatus.NOT_FOUND).sendString(Mono.just("Not found.\n"));
        }
        String host = request.requestHeaders().get(HttpHeaderNames.HOST, "");
        String self = host.matches("[A-Za-z0-9.:\\[\\]-]+") ? " ws://" + host + " wss://" + host : "";
        return response
                .header(HttpHeaderNames.CONTENT_TYPE, page.type())
                .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(page.body().length))
                .header(HttpHeaderNames.CACHE_CONTROL, "no-cache")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; "
                        + "img-src 'self'; connect-src 'self'" + self + "; base-uri 'none'; form-action 'none'; "
                        + "frame-ancestors 'none'")
                .sendByteArray(Mono.just(page.body()))
                .then();
    }

    private static String read(String name) {
        try (InputStream in = WebClientPages.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the web client's " + name + " is missing from the gateway's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
