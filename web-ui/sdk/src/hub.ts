import { notifyUnauthorized } from "./api";
import { reportContact, reportReconnecting, reportUnreachable } from "./connection";

/**
 * The one WebSocket client of the page, speaking the /ws protocol of docs/websocket.md: named
 * channels, per-channel sequence numbers, resume with `since` + `epoch` after a reconnect, and
 * `missed` notices when the server cannot replay everything (the page should then refetch).
 */

export interface HubEvent<T = unknown> {
  channel: string;
  seq: number;
  time: string;
  data: T;
}

export interface MissedNotice {
  channel: string;
  reason: "history" | "restart";
  from: number;
  to: number;
}

export interface ChannelListener {
  onEvent(event: HubEvent): void;
  /** Some events could not be delivered: refetch what you show over REST. */
  onMissed?(notice: MissedNotice): void;
}

/** Reconnect delay after `attempt` failed attempts in a row: 0.5 s doubling up to 30 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** attempt);
}

/** The close code the server uses when the credential ended (or the client flooded it): don't retry. */
const POLICY_VIOLATION = 1008;
const PING_EVERY_MS = 60_000;

interface ChannelState {
  epoch?: string;
  /** The last seq processed; undefined until the first `subscribed` (fresh subscriptions only get newer events). */
  seq?: number;
  listeners: Set<ChannelListener>;
}

export interface HubOptions {
  url?: string;
  /** For tests: the WebSocket constructor to use. */
  WebSocketImpl?: typeof WebSocket;
}

export class HubClient {
  private readonly channels = new Map<string, ChannelState>();
  private socket?: WebSocket;
  private attempt = 0;
  private reconnectTimer?: ReturnType<typeof setTimeout>;
  private pingTimer?: ReturnType<typeof setInterval>;
  private running = false;
  private readonly options: HubOptions;

  constructor(options: HubOptions = {}) {
    this.options = options;
  }

  /** Opens the connection (the shell does this once logged in); subscriptions made before are sent then. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.attempt = 0;
    this.connect();
  }

  /** Closes the connection and stops reconnecting (logout). Subscriptions stay, for the next start. */
  stop(): void {
    this.running = false;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.pingTimer);
    const socket = this.socket;
    this.socket = undefined;
    socket?.close(1000, "page stopped");
  }

  /** Listens to a channel; returns the function that stops listening. */
  subscribe(channel: string, listener: ChannelListener): () => void {
    let state = this.channels.get(channel);
    if (!state) {
      state = { listeners: new Set() };
      this.channels.set(channel, state);
      this.sendSubscribe(channel, state);
    }
    state.listeners.add(listener);
    return () => {
      const current = this.channels.get(channel);
      if (!current) return;
      current.listeners.delete(listener);
      if (current.listeners.size === 0) {
        this.channels.delete(channel);
        this.send({ type: "unsubscribe", channel });
      }
    };
  }

  private connect(): void {
    const url = this.options.url ?? `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/ws`;
    const Impl = this.options.WebSocketImpl ?? WebSocket;
    const socket = new Impl(url);
    this.socket = socket;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      reportContact();
      this.channels.forEach((state, channel) => this.sendSubscribe(channel, state));
      this.pingTimer = setInterval(() => this.send({ type: "ping" }), PING_EVERY_MS);
    };
    socket.onmessage = (frame: MessageEvent) => {
      reportContact();
      this.handle(JSON.parse(String(frame.data)));
    };
    socket.onclose = (close: CloseEvent) => {
      clearInterval(this.pingTimer);
      if (this.socket !== socket || !this.running) return;
      this.socket = undefined;
      if (close.code === POLICY_VIOLATION) {
        // The session ended (logout elsewhere, expiry, revoked): retrying would get 401; log in again.
        this.running = false;
        notifyUnauthorized();
        return;
      }
      if (opened) reportReconnecting();
      else reportUnreachable();
      this.reconnectTimer = setTimeout(() => this.connect(), backoffDelay(this.attempt++));
    };
  }

  private sendSubscribe(channel: string, state: ChannelState): void {
    const message: Record<string, unknown> = { type: "subscribe", channel };
    if (state.seq !== undefined && state.epoch !== undefined) {
      message.since = state.seq;
      message.epoch = state.epoch;
    }
    this.send(message);
  }

  private send(message: Record<string, unknown>): void {
    if (this.socket?.readyState === 1 /* OPEN */) this.socket.send(JSON.stringify(message));
  }

  private handle(message: Record<string, unknown>): void {
    const state = typeof message.channel === "string" ? this.channels.get(message.channel) : undefined;
    switch (message.type) {
      case "subscribed":
        if (!state) return;
        if (state.seq === undefined) {
          state.seq = message.seq as number; // fresh: only newer events follow
        } else if (state.epoch !== message.epoch) {
          state.seq = 0; // the server restarted: its replay starts at seq 1
        }
        state.epoch = message.epoch as string;
        return;
      case "event": {
        const seq = message.seq as number;
        if (!state || (state.seq !== undefined && seq <= state.seq)) return;
        state.seq = seq;
        const event = message as unknown as HubEvent;
        state.listeners.forEach((listener) => listener.onEvent(event));
        return;
      }
      case "missed":
        state?.listeners.forEach((listener) => listener.onMissed?.(message as unknown as MissedNotice));
        return;
      case "error":
        console.warn("live updates:", message.message, message.channel ?? "");
        return;
      default:
        return; // "unsubscribed" and "pong" need nothing
    }
  }
}

/** The page's one hub client (the SDK is loaded once, so shell and plugins share it). */
export const hub = new HubClient();
