import { NavLink } from "react-router";
import type { NavGroup } from "../plugins/navigation";

export const SIDEBAR_ID = "ga-sidebar";

/**
 * Home, then each plugin's pages under its name (a list labelled by the heading, so a screen
 * reader says "Audit, list, 3 items"). On wide screens always shown, on narrow ones a drawer the
 * top bar opens.
 */
export function Sidebar({ groups }: { groups: NavGroup[] }) {
  return (
    <nav id={SIDEBAR_ID} className="ga-sidebar" aria-label="Main">
      <ul>
        <li>
          <NavLink to="/" end>
            <span className="ga-nav-icon" aria-hidden="true">⌂</span>
            Home
          </NavLink>
        </li>
      </ul>
      {groups.map((group) => (
        <section key={group.key} className="ga-nav-group">
          <h2 id={`ga-nav-${group.key}`} className="ga-nav-group__title">{group.title}</h2>
          <ul aria-labelledby={`ga-nav-${group.key}`}>
            {group.items.map((item) => (
              <li key={item.key}>
                <NavLink to={item.to} end className={item.failed ? "ga-nav-failed" : undefined}>
                  <span className="ga-nav-icon" aria-hidden="true">{item.icon ?? "•"}</span>
                  {item.label}
                  {item.failed && <span className="ga-visually-hidden"> (failed to load)</span>}
                </NavLink>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
