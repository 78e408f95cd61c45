import { Dashboard } from "./Dashboard";
import { useSession } from "./auth/useSession";
import { LoginPage } from "./pages/LoginPage";
import { SetupPage } from "./pages/SetupPage";

/** The screens before the dashboard: checking, first-run setup, login, or the server not answering. */
export function App() {
  const { session, retry, loggedInAs, logout } = useSession();
  switch (session.kind) {
    case "checking":
      return <p className="ga-loading ga-center">Connecting to the server…</p>;
    case "setup":
      return <SetupPage onDone={loggedInAs} />;
    case "login":
      return <LoginPage notice={session.notice} onDone={loggedInAs} />;
    case "unreachable":
      return (
        <main className="ga-center ga-narrow">
          <h1>The server does not answer</h1>
          <p>{session.message}</p>
          <button type="button" className="ga-button--primary" onClick={() => void retry()}>
            Try again
          </button>
        </main>
      );
    case "ready":
      return <Dashboard caller={session.caller} onLogout={logout} />;
  }
}
