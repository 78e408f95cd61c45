import { useState, type FormEvent, type ReactNode } from "react";
import { ApiError } from "@gitops-auditor/sdk";

/** The frame both the login and the setup page share: a titled form with one error line. */
export function AuthForm({
  title,
  intro,
  submitLabel,
  onSubmit,
  children,
}: {
  title: string;
  intro?: ReactNode;
  submitLabel: string;
  /** Throws to show its message; ApiError messages are already readable. */
  onSubmit: (form: FormData) => Promise<void>;
  children: ReactNode;
}) {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit(new FormData(event.currentTarget));
    } catch (failure) {
      setError(failure instanceof ApiError || failure instanceof Error ? failure.message : String(failure));
      setBusy(false);
    }
  }

  return (
    <main className="ga-auth" id="main">
      <form className="ga-card ga-auth__form" onSubmit={submit} aria-describedby={error ? "auth-error" : undefined}>
        <h1>{title}</h1>
        {intro}
        {children}
        {error && (
          <p id="auth-error" className="ga-form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="ga-button--primary" disabled={busy}>
          {busy ? "Please wait…" : submitLabel}
        </button>
      </form>
    </main>
  );
}
