/**
 * The modules the dashboard serves once, through its import map, for the shell and every plugin
 * bundle alike. A bundle must leave exactly these as bare imports: a second copy of React would
 * break hooks, and a second SDK would open a second session and WebSocket.
 */
export const SHARED_MODULES = [
  "react",
  "react/jsx-runtime",
  "react-dom",
  "react-dom/client",
  "react-router",
  "@gitops-auditor/sdk",
  // The form library behind the SDK's SchemaForm: not preloaded, fetched with the first form.
  "@rjsf/core",
  "@rjsf/utils",
] as const;

/**
 * What the dashboard's "react-router" module offers: the declarative routing API (v7). Data
 * routers, loaders and server rendering are left out: the shell owns the router, and they would
 * triple the download.
 */
export const ROUTER_EXPORTS = [
  "Link", "NavLink", "Navigate", "Outlet", "Route", "Routes",
  "useHref", "useInRouterContext", "useLocation", "useMatch", "useNavigate", "useNavigationType",
  "useOutlet", "useOutletContext", "useParams", "useResolvedPath", "useRoutes", "useSearchParams",
  "createSearchParams", "generatePath", "matchPath", "matchRoutes", "resolvePath",
  "BrowserRouter", "MemoryRouter",
] as const;

/**
 * What the dashboard's "@rjsf/core" module offers: its index minus getTestRegistry, a test helper
 * that imports the AJV validator, which the dashboard does not ship (AJV compiles schemas with
 * `new Function`, which its Content-Security-Policy forbids; the SDK validates without eval).
 */
export const FORM_CORE_EXPORTS = {
  default: "components/Form.js",
  withTheme: "withTheme.js",
  getDefaultRegistry: "getDefaultRegistry.js",
  RichDescription: "components/RichDescription.js",
  RichHelp: "components/RichHelp.js",
  SchemaExamples: "components/SchemaExamples.js",
} as const;
