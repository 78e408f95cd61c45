import { useId, type ReactNode } from "react";

/** A titled panel; the title is the section's accessible name. */
export function Card({ title, actions, children }: { title?: string; actions?: ReactNode; children: ReactNode }) {
  const headingId = useId();
  return (
    <section className="ga-card" aria-labelledby={title ? headingId : undefined}>
      {(title || actions) && (
        <header className="ga-card__header">
          {title && <h2 id={headingId}>{title}</h2>}
          {actions}
        </header>
      )}
      <div className="ga-card__body">{children}</div>
    </section>
  );
}
