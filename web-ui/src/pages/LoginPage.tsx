import { api, type Caller } from "@gitops-auditor/sdk";
import { AuthForm } from "./AuthForm";

export function LoginPage({ notice, onDone }: { notice?: string; onDone: (caller: Caller) => void }) {
  return (
    <AuthForm
      title="Log in to GitOps Auditor"
      intro={notice && <p role="status">{notice}</p>}
      submitLabel="Log in"
      onSubmit={async (form) => {
        onDone(await api.post<Caller>("/api/platform/login", { username: form.get("username"), password: form.get("password") }));
      }}
    >
      <label>
        User name
        <input name="username" autoComplete="username" required autoFocus />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
    </AuthForm>
  );
}
