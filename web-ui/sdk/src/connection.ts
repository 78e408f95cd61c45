/**
 * Whether the server is reachable, as seen by both the API wrapper and the WebSocket client.
 * One store for the whole page (the SDK module is loaded once, through the import map), so the
 * shell's banner and every plugin's hooks agree.
 */

export type ConnectionState = "online" | "reconnecting" | "offline";

export interface ConnectionStatus {
  state: ConnectionState;
  /** When the server stopped answering; undefined while online. */
  unreachableSince?: Date;
  /** The last time anything arrived from the server (response or WebSocket frame). */
  lastContact?: Date;
}

type Listener = (status: ConnectionStatus) => void;

let status: ConnectionStatus = { state: "online" };
const listeners = new Set<Listener>();

function update(next: ConnectionStatus): void {
  if (next.state === status.state && next.unreachableSince === status.unreachableSince && next.lastContact === status.lastContact) {
    return;
  }
  status = next;
  listeners.forEach((listener) => listener(status));
}

export function connectionStatus(): ConnectionStatus {
  return status;
}

export function onConnectionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Something arrived from the server: it is reachable. */
export function reportContact(now = new Date()): void {
  // Only store a new object when the state changes; contact times alone are too frequent to re-render on.
  if (status.state === "online") {
    status = { ...status, lastContact: now };
    return;
  }
  update({ state: "online", lastContact: now });
}

/** A request or connection attempt failed at the network level. */
export function reportUnreachable(now = new Date()): void {
  update({ state: "offline", unreachableSince: status.unreachableSince ?? now, lastContact: status.lastContact });
}

/** The live connection dropped and a reconnect is pending; not yet known to be unreachable. */
export function reportReconnecting(): void {
  if (status.state === "online") update({ state: "reconnecting", lastContact: status.lastContact });
}

/** For tests: back to a fresh page's state. */
export function resetConnection(): void {
  status = { state: "online" };
  listeners.clear();
}
