import type { ReactNode } from "react";

/** What a page shows when it has nothing to show yet, and what to do about it. */
export function EmptyState({ title, children, icon = "○" }: { title: string; children?: ReactNode; icon?: string }) {
  return (
    <div className="ga-empty">
      <span className="ga-empty__icon" aria-hidden="true">{icon}</span>
      <h2>{title}</h2>
      {children && <div className="ga-empty__text">{children}</div>}
    </div>
  );
}
