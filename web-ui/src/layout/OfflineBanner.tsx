import { useEffect, useState } from "react";
import { useConnection } from "@gitops-auditor/sdk";

const time = (date: Date) => date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** "Server unreachable since HH:MM — showing data from N min ago; retrying…" while the server is away. */
export function offlineMessage(unreachableSince: Date, lastContact: Date | undefined, now: Date): string {
  const age = lastContact ? Math.max(0, Math.round((now.getTime() - lastContact.getTime()) / 60_000)) : undefined;
  const data = age === undefined ? "no data loaded yet" : age === 0 ? "showing data from less than a minute ago" : `showing data from ${age} min ago`;
  return `Server unreachable since ${time(unreachableSince)} — ${data}; retrying…`;
}

export function OfflineBanner() {
  const connection = useConnection();
  const [now, setNow] = useState(() => new Date());
  const offline = connection.state === "offline" && connection.unreachableSince !== undefined;

  // The age in the message goes up while we wait.
  useEffect(() => {
    if (!offline) return;
    setNow(new Date());
    const timer = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(timer);
  }, [offline]);

  return (
    <div role="status" aria-live="polite" className={offline ? "ga-offline-banner" : "ga-visually-hidden"}>
      {offline ? offlineMessage(connection.unreachableSince!, connection.lastContact, now) : ""}
    </div>
  );
}
