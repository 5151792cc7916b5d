// The STOMP link to /ws/staff. stompjs does the framing, heartbeats and the
// reconnect loop; this module only subscribes, parses JSON and reports state.
// Nothing here logs frames: they carry what visitors wrote.
import { Client, ReconnectionTimeMode } from '/webjars/stomp__stompjs/7.2.1/esm6/index.js';

const EVENTS = '/user/queue/events';
const ERRORS = '/user/queue/errors';

function parse(frame) {
  try {
    const payload = JSON.parse(frame.body);
    return payload && typeof payload === 'object' ? payload : null;
  } catch {
    return null;
  }
}

/**
 * Opens the staff connection and keeps it open.
 * The browser sends the session cookie with the handshake; the CSRF header is
 * passed along in CONNECT in case the server checks it there.
 *
 * handlers: onConnected(), onState('connected'|'reconnecting'), onEvent(event),
 * onError(error), onRefused(reason), onClosedBeforeConnect()
 */
export function openConnection(path, connectHeaders, handlers) {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  let connectedThisAttempt = false;

  const client = new Client({
    brokerURL: `${scheme}//${location.host}${path}`,
    connectHeaders,
    // 1 s, 2 s, 4 s … capped at 30 s: fast when a blip, gentle on a server that is down.
    reconnectDelay: 1000,
    reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
    maxReconnectDelay: 30000,
    connectionTimeout: 10000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });

  client.beforeConnect = () => {
    connectedThisAttempt = false;
  };
  client.onConnect = () => {
    connectedThisAttempt = true;
    client.subscribe(EVENTS, (frame) => {
      const event = parse(frame);
      if (event) handlers.onEvent(event);
    });
    client.subscribe(ERRORS, (frame) => handlers.onError(parse(frame) ?? { code: 'MALFORMED_PAYLOAD' }));
    handlers.onState('connected');
    handlers.onConnected();
  };
  client.onStompError = (frame) => handlers.onRefused(frame.headers.message ?? '');
  client.onWebSocketClose = () => {
    handlers.onState('reconnecting');
    if (!connectedThisAttempt) handlers.onClosedBeforeConnect();
  };
  client.activate();

  return {
    get connected() {
      return client.connected;
    },
    /** Sends a JSON frame; false when there is no connection right now (caller keeps it for later). */
    send(destination, body) {
      if (!client.connected) return false;
      client.publish({ destination, body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
      return true;
    },
    close() {
      return client.deactivate();
    },
  };
}
