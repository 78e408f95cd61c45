// The hello plugin's dashboard pages: a hand-written ES module, no build step. The dashboard imports it
// at run time from /ui/hello/index.js; "react" and "@gitops-auditor/sdk" resolve through the dashboard's
// import map to the one React and the one SDK the shell uses. Without JSX, h() is React.createElement.
// A plugin with more pages would write TypeScript + JSX and build with the SDK's Vite config instead
// (docs/plugin-guide.md, "Dashboard pages").
import { createElement as h, useState } from "react";
import { api, Card, DataTable, ErrorCard, definePlugin, useChannel, useResource } from "@gitops-auditor/sdk";

const GREETINGS = "/api/hello/greetings?limit=500";

const columns = [
  { key: "message", header: "Greeting" },
  { key: "name", header: "Name" },
  {
    key: "createdAt",
    header: "When",
    render: (greeting) => new Date(greeting.createdAt).toLocaleString(),
    sortValue: (greeting) => greeting.createdAt,
  },
];

/** Greets a name: POST /api/hello/greetings (the SDK adds the CSRF token). */
function GreetForm({ onGreeted }) {
  const [name, setName] = useState("");
  const [error, setError] = useState();
  async function submit(event) {
    event.preventDefault();
    setError(undefined);
    try {
      await api.post("/api/hello/greetings", { name });
      setName("");
      onGreeted();
    } catch (failure) {
      setError(failure.message);
    }
  }
  return h(
    "form",
    { onSubmit: submit, className: "hello-form", style: { display: "flex", gap: "0.5rem", alignItems: "end", flexWrap: "wrap" } },
    h("label", null, "Name", h("input", { value: name, onChange: (event) => setName(event.target.value), required: true })),
    h("button", { type: "submit", className: "ga-button--primary" }, "Greet"),
    error && h("p", { role: "alert", className: "ga-form-error" }, error),
  );
}

/** Every greeting, newest first, live: a new one arrives on the channel hello.greetings. */
function GreetingsPage() {
  const greetings = useResource(GREETINGS);
  // Any event (or a notice that some were missed) means the list changed: fetch it again.
  useChannel("hello.greetings", greetings.refresh, greetings.refresh);
  return h(
    "div",
    null,
    h("h1", null, "Hello"),
    h(Card, { title: "Greet someone" }, h(GreetForm, { onGreeted: greetings.refresh })),
    greetings.error && !greetings.data
      ? h(ErrorCard, { title: "The greetings could not be loaded", reason: greetings.error.message })
      : h(DataTable, {
          caption: "Greetings",
          columns,
          rows: greetings.data ?? [],
          rowKey: (greeting) => greeting.id,
          empty: greetings.loading ? "Loading…" : "No greetings yet: greet someone above.",
        }),
  );
}

/** The home page's card: the latest greeting. */
function LatestGreeting() {
  const latest = useResource("/api/hello/greetings?limit=1");
  useChannel("hello.greetings", latest.refresh, latest.refresh);
  const greeting = latest.data?.[0];
  return h("p", null, greeting ? `${greeting.message} (${new Date(greeting.createdAt).toLocaleString()})` : "No greetings yet.");
}

export default definePlugin({
  id: "hello",
  title: "Hello",
  nav: [{ path: "", label: "Hello", icon: "👋" }],
  routes: [{ path: "", component: GreetingsPage }],
  widgets: [{ id: "latest", title: "Latest greeting", component: LatestGreeting }],
});
