import { useEffect, useRef } from "react";
import type { ChannelPayload } from "./events";
import { useFetched, type Resource } from "./hooks";
import { hub, type HubEvent } from "./hub";

/** How a live resource follows its channels. */
export interface LiveOptions<T, C extends string> {
  /** The channel, or channels, whose events change this resource (`"audit.repositories"`). */
  channels: C | readonly C[];
  /**
   * Applies one event to the data shown and returns the new data: the same object when the
   * event does not concern it, or `undefined` to fetch it again. Without `apply` every event
   * refetches. Only called once data has arrived; an event before that refetches.
   */
  apply?: (current: T, event: HubEvent<ChannelPayload<C>>) => T | undefined;
}

/**
 * A GET kept current by the server's events: fetches `path` (as {@link useResource}: the last
 * data stays while offline, and is fetched again on reconnecting), applies each event on
 * `channels` with `apply`, and fetches again when the server says events were missed.
 *
 *   const runs = useLiveResource<ListPage<Run>>("/api/audit/runs", { channels: "audit.runs" });
 */
export function useLiveResource<T, C extends string = string>(path: string, options: LiveOptions<T, C>): Resource<T> {
  const { setData, ...resource } = useFetched<T>(path);
  const { refresh } = resource;
  // The latest apply and data, without resubscribing on every render.
  const latest = useRef({ apply: options.apply, data: resource.data });
  latest.current = { apply: options.apply, data: resource.data };
  const channels = typeof options.channels === "string" ? [options.channels] : [...options.channels];
  const channelKey = channels.join(" ");

  useEffect(() => {
    const stops = channelKey.split(" ").filter((channel) => channel !== "").map((channel) =>
      hub.subscribe(channel, {
        onEvent: (event) => {
          const { apply, data } = latest.current;
          if (!apply || data === undefined) return refresh();
          const next = apply(data, event as HubEvent<ChannelPayload<C>>);
          if (next === undefined) refresh();
          else if (next !== data) setData(() => next);
        },
        onMissed: () => refresh(),
      }),
    );
    return () => stops.forEach((stop) => stop());
  }, [channelKey, refresh, setData]);

  return resource;
}
