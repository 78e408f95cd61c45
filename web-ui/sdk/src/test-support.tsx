import { act, type ReactNode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { vi } from "vitest";
import { hub, type ChannelListener, type HubEvent } from "./hub";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Renders a hook in a component (inside `wrap`, e.g. a router) and exposes its latest result. */
export function renderHook<T>(hook: () => T, wrap: (children: ReactNode) => ReactNode = (children) => children) {
  const seen: { current?: T } = {};
  function Probe() {
    seen.current = hook();
    return null;
  }
  const container = document.createElement("div");
  let root: Root;
  act(() => {
    root = createRoot(container);
    root.render(wrap(<Probe />));
  });
  return { seen, container, unmount: () => act(() => root.unmount()) };
}

/** Lets pending promises and effects run. */
export const flush = () =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
  });

/** Takes the page's hub out of the network: records subscriptions and lets a test deliver events. */
export function fakeChannels() {
  const listeners = new Map<string, Set<ChannelListener>>();
  let seq = 0;
  vi.spyOn(hub, "subscribe").mockImplementation((channel: string, listener: ChannelListener) => {
    if (!listeners.has(channel)) listeners.set(channel, new Set());
    listeners.get(channel)!.add(listener);
    return () => listeners.get(channel)!.delete(listener);
  });
  return {
    subscribed: (channel: string) => listeners.get(channel)?.size ?? 0,
    emit: (channel: string, data: unknown) =>
      act(() => {
        const event: HubEvent = { channel, seq: ++seq, time: new Date().toISOString(), data };
        listeners.get(channel)?.forEach((listener) => listener.onEvent(event));
      }),
    missed: (channel: string) =>
      act(() => listeners.get(channel)?.forEach((listener) => listener.onMissed?.({ channel, reason: "history", from: 1, to: 2 }))),
  };
}

export const problem = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { "Content-Type": "application/problem+json" } });
