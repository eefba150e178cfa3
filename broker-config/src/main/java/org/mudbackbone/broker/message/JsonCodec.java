package org.mudbackbone.broker.message;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON for one record family. Tolerant in what it reads, as the contract asks: unknown fields are
 * ignored and an unknown type or a broken document reads as empty (and is logged), so that a newer
 * writer never crashes an older reader.
 */
public final class JsonCodec<T> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonCodec.class);

    /** One mapper for the whole contract; it is thread-safe once configured. */
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // an unknown "type" reads as null instead of failing: the caller skips it
            .disable(DeserializationFeature.FAIL_ON_INVALID_SUBTYPE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    public static final JsonCodec<PlayerInput> INPUT = new JsonCodec<>(PlayerInput.class);
    public static final JsonCodec<GameOutput> OUTPUT = new JsonCodec<>(GameOutput.class);
    public static final JsonCodec<WorldSignal> SIGNAL = new JsonCodec<>(WorldSignal.class);

    private final Class<T> type;

    public JsonCodec(Class<T> type) {
        this.type = type;
    }

    public byte[] encode(T value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The record, or empty when the bytes hold a type this reader does not know or are not valid JSON. */
    public Optional<T> decode(byte[] bytes) {
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            T value = MAPPER.readValue(bytes, type);
            if (value == null) {
                LOG.warn("skipping {} of unknown type: {}", type.getSimpleName(), preview(bytes));
            }
            return Optional.ofNullable(value);
        } catch (IOException e) {
            LOG.warn("skipping unreadable {}: {} ({})", type.getSimpleName(), preview(bytes), e.getMessage());
            return Optional.empty();
        }
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }
}
