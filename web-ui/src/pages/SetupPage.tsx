import { api, type Caller } from "@gitops-auditor/sdk";
import { AuthForm } from "./AuthForm";

/** First run: create the admin account with the one-time secret the server wrote to a file. */
export function SetupPage({ onDone }: { onDone: (caller: Caller) => void }) {
  return (
    <AuthForm
      title="Set up GitOps Auditor"
      intro={
        <p>
          There is no admin account yet. When the server started, it wrote a one-time setup secret to the file{" "}
          <code>setup-secret</code> in its data folder and printed the file's path. Paste its content here and choose the
          admin's name and password.
        </p>
      }
      submitLabel="Create the admin account"
      onSubmit={async (form) => {
        if (form.get("password") !== form.get("again")) throw new Error("The two passwords differ.");
        onDone(
          await api.post<Caller>("/api/platform/setup", {
            secret: String(form.get("secret") ?? "").trim(),
            username: form.get("username"),
            password: form.get("password"),
          }),
        );
      }}
    >
      <label>
        Setup secret
        <input name="secret" required autoComplete="off" spellCheck={false} placeholder="gss_…" autoFocus />
      </label>
      <label>
        Admin user name
        <input name="username" required autoComplete="username" pattern="[A-Za-z0-9._\-]{1,64}" title="1 to 64 letters, digits, dots, dashes or underscores" />
      </label>
      <label>
        Password (at least 12 characters)
        <input name="password" type="password" required minLength={12} maxLength={1024} autoComplete="new-password" />
      </label>
      <label>
        Password again
        <input name="again" type="password" required minLength={12} maxLength={1024} autoComplete="new-password" />
      </label>
    </AuthForm>
  );
}
