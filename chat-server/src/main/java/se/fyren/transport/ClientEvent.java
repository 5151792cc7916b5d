package se.fyren.transport;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * An event pushed to a participant on {@code /user/queue/events}. Each
 * implementation names its wire {@code type} with {@code @JsonTypeName}; the
 * names are documented in {@code docs/stomp-api.asyncapi.yaml}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public interface ClientEvent {

}
