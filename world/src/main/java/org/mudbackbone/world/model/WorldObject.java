package org.mudbackbone.world.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.mudbackbone.broker.message.JsonCodec;

/**
 * Everything the world remembers, one record per object, kept in the compacted state topic under
 * its ID. Records are immutable: a change is a new record, written in the transaction that made it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Room.class, name = "room"),
    @JsonSubTypes.Type(value = PlayerCharacter.class, name = "character"),
    @JsonSubTypes.Type(value = Account.class, name = "account"),
    @JsonSubTypes.Type(value = SessionLink.class, name = "session"),
    @JsonSubTypes.Type(value = TickerState.class, name = "ticker"),
    @JsonSubTypes.Type(value = WorldTerm.class, name = "term"),
    @JsonSubTypes.Type(value = InputPositions.class, name = "input-positions"),
})
public sealed interface WorldObject permits Room, PlayerCharacter, Account, SessionLink, TickerState, WorldTerm,
        InputPositions {

    int VERSION = 1;

    JsonCodec<WorldObject> CODEC = new JsonCodec<>(WorldObject.class);

    String id();

    @JsonProperty("v")
    default int version() {
        return VERSION;
    }

    /** The room this object is in, if it is in one (indexes rooms' contents). */
    @JsonIgnore
    default String location() {
        return null;
    }
}
