import type { ReactNode } from "react";

/** A failure, said plainly: what failed (title), why (reason), and optionally what to do (children). */
export function ErrorCard({ title, reason, children }: { title: string; reason: string; children?: ReactNode }) {
  return (
    <section className="ga-card ga-card--error" role="alert">
      <h2>{title}</h2>
      <p className="ga-error-reason">{reason}</p>
      {children}
    </section>
  );
}
