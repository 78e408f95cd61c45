/**
 * Light or dark: the system's preference until the user picks one with the toggle, which is then
 * remembered in localStorage. The choice is a data-theme attribute the stylesheet keys on.
 */
export type Theme = "light" | "dark";

const KEY = "gitops-auditor.theme";

export function storedTheme(): Theme | undefined {
  const value = localStorage.getItem(KEY);
  return value === "light" || value === "dark" ? value : undefined;
}

export function systemTheme(): Theme {
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

export function applyTheme(theme: Theme | undefined): void {
  if (theme) document.documentElement.dataset.theme = theme;
  else delete document.documentElement.dataset.theme;
}

export function chooseTheme(theme: Theme): void {
  localStorage.setItem(KEY, theme);
  applyTheme(theme);
}
