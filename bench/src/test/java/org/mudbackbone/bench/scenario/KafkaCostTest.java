package org.mudbackbone.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaCostTest {

    @Test
    void eachTopicsGrowthIsSharedOverTheCommands() {
        var before = Map.of("mud.input", new KafkaCost.Size(100, 10_000), "mud.state", new KafkaCost.Size(50, 5_000));
        var after = Map.of("mud.input", new KafkaCost.Size(300, 30_000), "mud.state", new KafkaCost.Size(50, 5_000),
                "mud.output.gw-1", new KafkaCost.Size(40, 8_000));
        List<KafkaCost.PerCommand> costs = KafkaCost.perCommand(before, after, 200);
        var byTopic = costs.stream().collect(java.util.stream.Collectors.toMap(KafkaCost.PerCommand::topic, c -> c));
        assertEquals(1.0, byTopic.get("mud.input").records());
        assertEquals(100.0, byTopic.get("mud.input").bytes());
        assertEquals(0.0, byTopic.get("mud.state").records());
        assertEquals(0.2, byTopic.get("mud.output.gw-1").records(), 1e-9, "a topic made during the run counts from 0");
        String table = KafkaCost.markdown("B", costs, 200, 20);
        assertTrue(table.contains("| **all** | **1.20** | **140** |") && table.contains("10.0 commands per world transaction")
                && !table.contains("mud.state"), table);
    }

    @Test
    void noCommandsNoTable() {
        assertEquals("", KafkaCost.markdown("B", KafkaCost.perCommand(Map.of(), Map.of(), 0), 0, 0));
    }
}
