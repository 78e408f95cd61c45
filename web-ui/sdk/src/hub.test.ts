import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { onUnauthorized } from "./api";
import { connectionStatus, resetConnection } from "./connection";
import { backoffDelay, HubClient, type HubEvent, type MissedNotice } from "./hub";

/** A WebSocket the test drives by hand; every instance is kept, newest last. */
class FakeSocket {
  static all: FakeSocket[] = [];
  readyState = 0;
  sent: Record<string, unknown>[] = [];
  onopen?: () => void;
  onmessage?: (frame: { data: string }) => void;
  onclose?: (close: { code: number; reason: string }) => void;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(text: string) {
    this.sent.push(JSON.parse(text));
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(message: Record<string, unknown>) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code, reason: "" });
  }
  static latest() {
    return FakeSocket.all[FakeSocket.all.length - 1];
  }
}

function startHub() {
  const hub = new HubClient({ url: "ws://test/ws", WebSocketImpl: FakeSocket as unknown as typeof WebSocket });
  const events: HubEvent[] = [];
  const missed: MissedNotice[] = [];
  hub.subscribe("hello.greetings", { onEvent: (e) => events.push(e), onMissed: (m) => missed.push(m) });
  hub.start();
  FakeSocket.latest().open();
  return { hub, events, missed };
}

const event = (seq: number) => ({ type: "event", channel: "hello.greetings", seq, time: "2026-11-03T10:15:30Z", data: { seq } });

describe("HubClient", () => {
  beforeEach(() => {
    FakeSocket.all = [];
    resetConnection();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it("backs off 0.5 s, doubling, up to 30 s", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(backoffDelay)).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
  });

  it("subscribes fresh, then resumes with since and epoch after a reconnect", () => {
    const { events } = startHub();
    const first = FakeSocket.latest();
    expect(first.sent).toEqual([{ type: "subscribe", channel: "hello.greetings" }]);
    first.receive({ type: "subscribed", channel: "hello.greetings", epoch: "e1", seq: 41 });
    first.receive(event(42));
    first.receive(event(43));

    first.drop();
    expect(connectionStatus().state).toBe("reconnecting");
    vi.advanceTimersByTime(499);
    expect(FakeSocket.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = FakeSocket.latest();
    second.open();

    expect(second.sent).toEqual([{ type: "subscribe", channel: "hello.greetings", since: 43, epoch: "e1" }]);
    second.receive({ type: "subscribed", channel: "hello.greetings", epoch: "e1", seq: 44 });
    second.receive(event(43)); // a duplicate is dropped
    second.receive(event(44));
    expect(events.map((e) => e.seq)).toEqual([42, 43, 44]);
    expect(connectionStatus().state).toBe("online");
  });

  it("waits longer after each failed attempt and starts over once connected", () => {
    startHub();
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(500);
    FakeSocket.latest().drop(); // the attempt failed: never opened
    expect(connectionStatus().state).toBe("offline");
    vi.advanceTimersByTime(999);
    expect(FakeSocket.all).toHaveLength(3 - 1);
    vi.advanceTimersByTime(1);
    expect(FakeSocket.all).toHaveLength(3);
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(2000);
    expect(FakeSocket.all).toHaveLength(4);
    FakeSocket.latest().open();
    FakeSocket.latest().drop();
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all).toHaveLength(5);
  });

  it("after a server restart takes the new epoch and accepts its events from seq 1", () => {
    const { events, missed } = startHub();
    const first = FakeSocket.latest();
    first.receive({ type: "subscribed", channel: "hello.greetings", epoch: "e1", seq: 0 });
    first.receive(event(1));
    first.receive(event(2));
    first.drop(1001);
    vi.advanceTimersByTime(500);
    const second = FakeSocket.latest();
    second.open();
    expect(second.sent[0]).toMatchObject({ since: 2, epoch: "e1" });

    second.receive({ type: "subscribed", channel: "hello.greetings", epoch: "e2", seq: 1 });
    second.receive({ type: "missed", channel: "hello.greetings", reason: "restart", from: 3, to: -1 });
    second.receive(event(1));

    expect(missed).toEqual([{ type: "missed", channel: "hello.greetings", reason: "restart", from: 3, to: -1 }]);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 1]);
    second.drop();
    vi.advanceTimersByTime(500);
    FakeSocket.latest().open();
    expect(FakeSocket.latest().sent[0]).toMatchObject({ since: 1, epoch: "e2" });
  });

  it("hands a missed-history notice to the listener so it can refetch", () => {
    const { missed } = startHub();
    FakeSocket.latest().receive({ type: "missed", channel: "hello.greetings", reason: "history", from: 3, to: 17 });
    expect(missed).toMatchObject([{ reason: "history", from: 3, to: 17 }]);
  });

  it("does not retry when the server ends the session (1008), and says so", () => {
    const unauthorized = vi.fn();
    const stop = onUnauthorized(unauthorized);
    startHub();
    FakeSocket.latest().drop(1008);
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(unauthorized).toHaveBeenCalledOnce();
    stop();
  });

  it("shares one server subscription between listeners of a channel", () => {
    const { hub } = startHub();
    const socket = FakeSocket.latest();
    const stop = hub.subscribe("hello.greetings", { onEvent: () => {} });
    expect(socket.sent).toHaveLength(1);
    stop();
    expect(socket.sent).toHaveLength(1);
  });
});
