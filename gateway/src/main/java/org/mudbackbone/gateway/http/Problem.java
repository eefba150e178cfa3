package org.mudbackbone.gateway.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * An error as an RFC 9457 problem document: the status, a short title, what went wrong in words a
 * client developer can act on, and a stable {@code code} for programs.
 */
record Problem(HttpResponseStatus status, String code, String detail) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Problem unauthorized(String detail) {
        return new Problem(HttpResponseStatus.UNAUTHORIZED, "bad-token", detail);
    }

    static Problem notFound(String detail) {
        return new Problem(HttpResponseStatus.NOT_FOUND, "unknown-session", detail);
    }

    static Problem conflict(String detail) {
        return new Problem(HttpResponseStatus.CONFLICT, "sequence-conflict", detail);
    }

    static Problem tooLarge(String detail) {
        return new Problem(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "too-large", detail);
    }

    static Problem badRequest(String detail) {
        return new Problem(HttpResponseStatus.BAD_REQUEST, "bad-request", detail);
    }

    Publisher<Void> send(HttpServerRequest request, HttpServerResponse response) {
        ObjectNode body = JSON.createObjectNode()
                .put("type", "about:blank")
                .put("title", status.reasonPhrase())
                .put("status", status.code())
                .put("detail", detail)
                .put("instance", request.path().startsWith("/") ? request.path() : "/" + request.path())
                .put("code", code);
        if (status == HttpResponseStatus.UNAUTHORIZED) {
            response.header(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        return response.status(status)
                .header(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .sendString(Mono.just(body.toString()));
    }
}
