import { Component, Suspense, type ReactNode } from "react";
import { ErrorCard } from "@gitops-auditor/sdk";

interface Props {
  /** The plugin's display name, for the error card. */
  pluginName: string;
  children: ReactNode;
}

/**
 * Keeps a plugin's rendering error inside its own card: the rest of the dashboard goes on
 * working. Give it a `key` that changes with the page, so that navigating away clears the error.
 */
export class PluginBoundary extends Component<Props, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error(`plugin ${this.props.pluginName} failed while rendering`, error);
  }

  render() {
    if (this.state.error) {
      return (
        <ErrorCard title={`${this.props.pluginName} failed`} reason={`It stopped with: ${this.state.error.message}`}>
          <p>The rest of the dashboard still works. Reload the page to try again; if it keeps failing, check the plugin's version.</p>
        </ErrorCard>
      );
    }
    return <Suspense fallback={<p className="ga-loading">Loading {this.props.pluginName}…</p>}>{this.props.children}</Suspense>;
  }
}
