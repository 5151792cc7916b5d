import { dropToken, readToken, storeToken } from './storage.js';

// CONNECT refusals that mean "this token is no use": the server restarted,
// the token expired, or we never had one. A new session fixes both.
const TOKEN_REFUSALS = new Set(['UNKNOWN_VISITOR_TOKEN', 'MISSING_VISITOR_TOKEN']);

// stompjs comes from its webjar's minified bundle, loaded by chat.html before this module.
const { Client, ReconnectionTimeMode } = globalThis.StompJs;

const EVENTS = '/user/queue/events';
const ERRORS = '/user/queue/errors';

/** Asks the server for a new anonymous visitor session; resolves to its token. */
export async function createSession() {
  const response = await fetch('/api/visitor/sessions', {
    method: 'POST',
    cache: 'no-store',
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(`visitor session refused: ${response.status}`);
  }
  const { token } = await response.json();
  if (typeof token !== 'string' || token.length === 0) {
    throw new Error('visitor session without token');
  }
  return token;
}

function brokerUrl() {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}/ws/visitor`;
}

/**
 * The visitor's STOMP connection. It creates a session when there is no
 * token, reconnects with growing delays when the socket drops, and replaces a
 * token the server no longer knows — once; a second refusal in a row gives up.
 *
 * Callbacks (all optional): connected(), event(payload), error(payload),
 * dropped(), newSession(), gaveUp(code).
 */
export class VisitorConnection {
  #client;
  #on;
  #refusals = 0;
  #replacingToken = false;

  constructor(callbacks) {
    this.#on = callbacks;
    this.#client = new Client({
      brokerURL: brokerUrl(),
      // A phone that loses its network should not hammer the server when it
      // comes back: 1 s, 2 s, 4 s … capped at 30 s.
      reconnectDelay: 1000,
      reconnectTimeMode: ReconnectionTimeMode.EXPONENTIAL,
      maxReconnectDelay: 30000,
      connectionTimeout: 10000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000,
      beforeConnect: (client) => this.#prepare(client),
      onConnect: () => this.#connected(),
      onStompError: (frame) => this.#refused(frame),
      onWebSocketClose: () => {
        // A close we caused to swap the token is not a drop worth showing.
        if (this.#replacingToken) {
          this.#replacingToken = false;
          return;
        }
        if (this.#client.active) this.#on.dropped?.();
      },
    });
  }

  get connected() {
    return this.#client.connected;
  }

  get active() {
    return this.#client.active;
  }

  start() {
    this.#refusals = 0;
    this.#client.activate();
  }

  /** Closes the connection; no reconnect follows. */
  stop() {
    return this.#client.deactivate();
  }

  /** Sends a frame if connected; returns whether it went out. */
  send(destination, payload = {}) {
    if (!this.#client.connected) return false;
    this.#client.publish({
      destination,
      body: JSON.stringify(payload),
      headers: { 'content-type': 'application/json' },
    });
    return true;
  }

  async #prepare(client) {
    let token = readToken();
    if (!token) {
      try {
        token = await createSession();
        storeToken(token);
        this.#on.newSession?.();
      } catch {
        // Leave the header out: the server refuses the CONNECT (or the socket
        // fails too), and the client's reconnect loop brings us back here.
        token = null;
      }
    }
    client.connectHeaders = token ? { 'visitor-token': token } : {};
  }

  #connected() {
    this.#refusals = 0;
    const parse = (handler) => (frame) => {
      let payload;
      try {
        payload = JSON.parse(frame.body);
      } catch {
        return;
      }
      handler?.(payload);
    };
    // stompjs does not restore subscriptions after a reconnect.
    this.#client.subscribe(EVENTS, parse(this.#on.event));
    this.#client.subscribe(ERRORS, parse(this.#on.error));
    this.#on.connected?.();
  }

  #refused(frame) {
    const code = frame.headers?.message;
    if (!TOKEN_REFUSALS.has(code)) return;
    dropToken();
    this.#refusals += 1;
    if (this.#refusals > 1) {
      this.#client.deactivate();
      this.#on.gaveUp?.(code);
      return;
    }
    // The server closes after an ERROR frame; closing from our side too makes
    // sure the reconnect (with a fresh session) happens either way.
    this.#replacingToken = true;
    this.#client.forceDisconnect();
  }
}
