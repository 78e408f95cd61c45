import { Link, useLocation } from "react-router";
import { EmptyState } from "@gitops-auditor/sdk";

export function NotFoundPage() {
  const { pathname } = useLocation();
  return (
    <EmptyState title="There is no page here" icon="?">
      <p>
        Nothing in the dashboard answers <code>{pathname}</code>: the plugin that served it may be stopped or removed.{" "}
        <Link to="/">Go to the home page</Link>.
      </p>
    </EmptyState>
  );
}
