import { NavLink } from "react-router";
import type { NavItem } from "../plugins/navigation";

export const SIDEBAR_ID = "ga-sidebar";

/** The plugins' pages; on wide screens always shown, on narrow ones a drawer the top bar opens. */
export function Sidebar({ items }: { items: NavItem[] }) {
  const showsHome = items.some((item) => item.to === "/");
  return (
    <nav id={SIDEBAR_ID} className="ga-sidebar" aria-label="Main">
      <ul>
        {!showsHome && (
          <li>
            <NavLink to="/" end>
              <span className="ga-nav-icon" aria-hidden="true">⌂</span>
              Home
            </NavLink>
          </li>
        )}
        {items.map((item) => (
          <li key={item.key}>
            <NavLink to={item.to} end={item.to === "/"} className={item.failed ? "ga-nav-failed" : undefined}>
              <span className="ga-nav-icon" aria-hidden="true">{item.icon ?? "•"}</span>
              {item.label}
              {item.failed && <span className="ga-visually-hidden"> (failed to load)</span>}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
