import { useEffect, useState, type ReactNode } from "react";
import { useLocation } from "react-router";
import type { Caller } from "@gitops-auditor/sdk";
import type { NavGroup } from "../plugins/navigation";
import { OfflineBanner } from "./OfflineBanner";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";

/** Skip link, top bar, sidebar (a drawer on narrow screens), the offline banner and the page. */
export function Layout({
  caller,
  onLogout,
  navigation,
  children,
}: {
  caller: Caller;
  onLogout: () => void;
  navigation: NavGroup[];
  children: ReactNode;
}) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  // Following a link closes the drawer on a phone.
  useEffect(() => setDrawerOpen(false), [pathname]);

  useEffect(() => {
    if (!drawerOpen) return;
    const closeOnEscape = (event: KeyboardEvent) => event.key === "Escape" && setDrawerOpen(false);
    document.addEventListener("keydown", closeOnEscape);
    return () => document.removeEventListener("keydown", closeOnEscape);
  }, [drawerOpen]);

  return (
    <div className={drawerOpen ? "ga-shell ga-shell--drawer-open" : "ga-shell"}>
      <a className="ga-skip-link" href="#main">
        Skip to content
      </a>
      <TopBar caller={caller} onLogout={onLogout} drawerOpen={drawerOpen} onToggleDrawer={() => setDrawerOpen((open) => !open)} />
      <Sidebar groups={navigation} />
      {drawerOpen && <div className="ga-backdrop" onClick={() => setDrawerOpen(false)} aria-hidden="true" />}
      <main id="main" className="ga-main" tabIndex={-1}>
        <OfflineBanner />
        {children}
      </main>
    </div>
  );
}
