package org.mudbackbone.broker.topic;

import java.util.Map;

/**
 * One topic of the catalogue: its name, partition count and topic-level configuration. Keys are
 * UTF-8 strings (object or session IDs); values are the JSON documents of the contract.
 */
public record Topic(String name, int partitions, Map<String, String> config) {

    public Topic {
        config = Map.copyOf(config);
    }
}
