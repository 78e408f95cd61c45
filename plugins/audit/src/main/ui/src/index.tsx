import { definePlugin } from "@gitops-auditor/sdk";
import { HealthCard } from "./HealthCard";
import { OverviewPage } from "./Overview";
import { RepositoriesPage } from "./Repositories";
import { RepositoryPage } from "./Repository";
import { RunsPage } from "./Runs";

export default definePlugin({
  id: "audit",
  title: "Audit",
  nav: [
    { path: "", label: "Overview", icon: "🔎", order: 10 },
    { path: "repositories", label: "Repositories", icon: "📦", order: 11 },
    { path: "runs", label: "Runs", icon: "🕒", order: 12 },
  ],
  routes: [
    { path: "", component: OverviewPage },
    { path: "repositories", component: RepositoriesPage },
    { path: "repositories/:id", component: RepositoryPage },
    { path: "runs", component: RunsPage },
  ],
  cards: [{ id: "health", title: "Repository health", component: HealthCard, link: "", linkLabel: "Open the audit" }],
});
