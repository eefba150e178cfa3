package org.mudbackbone.broker.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContractFormatTest {

    @Test
    void everyInputTypeRoundTrips() {
        var inputs = new PlayerInput[] {
            new PlayerInput.Opened("s1", "gw1", 0, 1000, "telnet", "203.0.113.9"),
            new PlayerInput.Line("s1", "gw1", 1, 1001, "say {red}hi"),
            new PlayerInput.SecretLine("s1", "gw1", 2, 1002, "aGFzaA=="),
            new PlayerInput.ClientInfo("s1", "gw1", 3, 1003,
                    new ClientFacts("telnet", "TinTin++ 2.02", "xterm", 2825, 80, 24, 256, "UTF-8", false, "203.0.113.9")),
            new PlayerInput.Oob("s1", "gw1", 4, 1004, "Core.Ping", "{}"),
            new PlayerInput.Closed("s1", "gw1", 5, 1005, "client quit"),
        };
        for (PlayerInput input : inputs) {
            assertEquals(input, JsonCodec.INPUT.decode(JsonCodec.INPUT.encode(input)).orElseThrow());
        }
    }

    @Test
    void everyOutputTypeRoundTrips() {
        var outputs = new GameOutput[] {
            new GameOutput.Text("s1", 1, "{red}Hello{/}"),
            new GameOutput.Prompt("s1", 2, "> ", 1),
            new GameOutput.Oob("s1", 3, "Room.Info", "{\"num\":1}"),
            new GameOutput.Attach("s1", 4, "char:7"),
            new GameOutput.AskSecret("s1", 5, "Password: ", "c2FsdA==", HashParams.recommended()),
            new GameOutput.Disconnect("s1", 6, "Goodbye."),
            new GameOutput.Preferences("s1", 7, 256),
        };
        for (GameOutput output : outputs) {
            assertEquals(output, JsonCodec.OUTPUT.decode(JsonCodec.OUTPUT.encode(output)).orElseThrow());
        }
    }

    @Test
    void lineFormatIsPinned() {
        String json = new String(JsonCodec.INPUT.encode(new PlayerInput.Line("s1", "gw1", 7, 1234, "look")),
                StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"line\",\"session\":\"s1\",\"gateway\":\"gw1\",\"seq\":7,\"at\":1234,"
                + "\"text\":\"look\",\"v\":1}", json);
    }

    @Test
    void textFormatIsPinned() {
        String json = new String(JsonCodec.OUTPUT.encode(new GameOutput.Text("s1", 3, "hi")), StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"text\",\"session\":\"s1\",\"seq\":3,\"markup\":\"hi\",\"v\":1}", json);
    }

    @Test
    void batchFormatIsPinnedAndASingleOutputStillReads() {
        String json = new String(OutputBatch.encode(List.of(new GameOutput.Text("s1", 3, "hi"),
                new GameOutput.Text("s2", 9, "hi"))), StandardCharsets.UTF_8);
        assertEquals("{\"type\":\"batch\",\"outputs\":[{\"type\":\"text\",\"session\":\"s1\",\"seq\":3,"
                + "\"markup\":\"hi\",\"v\":1},{\"type\":\"text\",\"session\":\"s2\",\"seq\":9,\"markup\":\"hi\","
                + "\"v\":1}],\"v\":1}", json);
        assertEquals(List.of(new GameOutput.Text("s1", 3, "hi"), new GameOutput.Text("s2", 9, "hi")),
                OutputBatch.decode(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new GameOutput.Text("s1", 3, "hi")),
                OutputBatch.decode(JsonCodec.OUTPUT.encode(new GameOutput.Text("s1", 3, "hi"))));
    }

    @Test
    void anUnknownOutputInABatchIsSkippedAndTheOthersKept() {
        byte[] newer = ("{\"type\":\"batch\",\"v\":1,\"outputs\":[{\"type\":\"telepathy\",\"session\":\"s1\"},"
                + "{\"type\":\"text\",\"session\":\"s1\",\"seq\":4,\"markup\":\"hi\"}]}").getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of(new GameOutput.Text("s1", 4, "hi")), OutputBatch.decode(newer));
        assertTrue(OutputBatch.decode("{\"type\":\"batch\",".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }

    @Test
    void unknownFieldsAreIgnored() {
        byte[] newer = ("{\"type\":\"line\",\"v\":2,\"session\":\"s1\",\"gateway\":\"gw1\",\"seq\":1,\"at\":5,"
                + "\"text\":\"look\",\"mood\":\"cheerful\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals(new PlayerInput.Line("s1", "gw1", 1, 5, "look"), JsonCodec.INPUT.decode(newer).orElseThrow());
    }

    @Test
    void unknownTypeIsSkippedNotFatal() {
        byte[] newer = "{\"type\":\"telepathy\",\"v\":1,\"session\":\"s1\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(JsonCodec.OUTPUT.decode(newer).isEmpty());
        assertTrue(JsonCodec.INPUT.decode(newer).isEmpty());
    }

    @Test
    void brokenJsonIsSkippedNotFatal() {
        assertTrue(JsonCodec.INPUT.decode("{\"type\":\"line\",".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(JsonCodec.INPUT.decode(new byte[] {(byte) 0xff, 0x00}).isEmpty());
    }
}
