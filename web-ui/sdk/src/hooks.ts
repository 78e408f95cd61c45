import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { api, ApiError } from "./api";
import { connectionStatus, onConnectionChange, type ConnectionStatus } from "./connection";
import type { ChannelPayload } from "./events";
import { hub, type HubEvent, type MissedNotice } from "./hub";

/** Online, reconnecting or offline, with since when; re-renders on change. */
export function useConnection(): ConnectionStatus {
  return useSyncExternalStore(onConnectionChange, connectionStatus);
}

/**
 * Calls `onEvent` for every event on `channel` while the component is mounted, and `onMissed`
 * when the server could not replay everything since the last one (refetch then). The event's
 * `data` is typed by the channel's entry in `ChannelEventMap` (see events.ts).
 */
export function useChannel<C extends string>(
  channel: C,
  onEvent: (event: HubEvent<ChannelPayload<C>>) => void,
  onMissed?: (notice: MissedNotice) => void,
): void {
  // The latest callbacks, without resubscribing on every render.
  const handlers = useRef({ onEvent, onMissed });
  handlers.current = { onEvent, onMissed };
  useEffect(
    () =>
      hub.subscribe(channel, {
        onEvent: (event) => handlers.current.onEvent(event as HubEvent<ChannelPayload<C>>),
        onMissed: (notice) => handlers.current.onMissed?.(notice),
      }),
    [channel],
  );
}

export interface Resource<T> {
  /** The last data fetched, kept while a refetch runs or fails. */
  data?: T;
  /** The last fetch's error, if it failed. */
  error?: ApiError;
  loading: boolean;
  /** When `data` was fetched; with `error` set, how old the shown data is. */
  fetchedAt?: Date;
  refresh: () => void;
}

/** What {@link useFetched} adds for the hooks built on it: replacing the data in place. */
export interface Fetched<T> extends Resource<T> {
  /** Replaces the shown data (an event applied to it) without a fetch; its age stays that of the last fetch. */
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * GETs `path` and keeps the result. When the server is unreachable the last data stays, with its
 * age in `fetchedAt`; when it is reachable again the resource refetches by itself.
 */
export function useResource<T>(path: string): Resource<T> {
  const { setData: _setData, ...resource } = useFetched<T>(path);
  return resource;
}

/** {@link useResource} plus `setData`: the base of the SDK's live hooks. */
export function useFetched<T>(path: string): Fetched<T> {
  const [state, setState] = useState<Omit<Resource<T>, "refresh">>({ loading: true });
  const [generation, setGeneration] = useState(0);
  const refresh = useCallback(() => setGeneration((n) => n + 1), []);
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => setState((previous) => ({ ...previous, data: update(previous.data) })),
    [],
  );

  useEffect(() => {
    const abort = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    api.get<T>(path, { signal: abort.signal }).then(
      (data) => setState({ data, loading: false, fetchedAt: new Date() }),
      (error: unknown) => {
        if (abort.signal.aborted) return;
        const failure = error instanceof ApiError ? error : new ApiError(0, String(error));
        setState((previous) => ({ ...previous, error: failure, loading: false }));
      },
    );
    return () => abort.abort();
  }, [path, generation]);

  const connection = useConnection();
  const wasOnline = useRef(connection.state === "online");
  useEffect(() => {
    const online = connection.state === "online";
    if (online && !wasOnline.current) refresh();
    wasOnline.current = online;
  }, [connection.state, refresh]);

  return { ...state, refresh, setData };
}
