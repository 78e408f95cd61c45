/**
 * @gitops-auditor/sdk: what a plugin's dashboard pages build against. In the browser it is one
 * module shared by the shell and every plugin bundle (through the page's import map), so the API
 * session, the WebSocket connection and React itself exist once.
 */
export { definePlugin, describeProblems, SHELL_API_VERSION } from "./plugin";
export type { HomeCard, NavEntry, PluginDefinition, PluginInput, PluginRoute, PluginWidget } from "./plugin";
export { api, ApiError, notifyUnauthorized, onUnauthorized, rememberCaller, toApiError } from "./api";
export type { Caller, Problem, RequestOptions } from "./api";
export { backoffDelay, hub, HubClient } from "./hub";
export type { ChannelListener, HubEvent, HubOptions, MissedNotice } from "./hub";
export { connectionStatus, onConnectionChange } from "./connection";
export type { ConnectionState, ConnectionStatus } from "./connection";
export { useChannel, useConnection, useResource } from "./hooks";
export type { Resource } from "./hooks";
export type { ChannelEventMap, ChannelPayload, JobEvent } from "./events";
export { useLiveResource } from "./live";
export type { LiveOptions } from "./live";
export { fieldErrorsOf, useMutation } from "./mutation";
export type { FieldError, Mutation } from "./mutation";
export { useJob } from "./job";
export type { JobControl, StartedJob } from "./job";
export { FINISHED_STATES, isFinished, jobOf, jobs } from "./jobs";
export type { Job, JobProgress, JobState } from "./jobs";
export { DEFAULT_LIMIT, formatSort, listQueryString, parseSort, readListQuery, toggleSort, writeListQuery } from "./list";
export type { ListPage, ListQuery, ListQueryOptions, SortKey } from "./list";
export { useList, useListQuery } from "./list-hooks";
export type { ListQueryState, ListResource } from "./list-hooks";
export { Card } from "./components/Card";
export { ConfirmDialog } from "./components/ConfirmDialog";
export { DataTable } from "./components/DataTable";
export type { Column, LocalTableProps, ServerTableProps } from "./components/DataTable";
export type { TableFilter, TableSearch } from "./components/TableFilters";
export { ActionError } from "./components/ActionError";
export { Chart, themeColor } from "./components/Chart";
export type { ChartOption } from "./components/Chart";
export { EmptyState } from "./components/EmptyState";
export { ErrorCard } from "./components/ErrorCard";
export { ProgressBar } from "./components/ProgressBar";
export { SchemaForm } from "./components/SchemaForm";
export type { SchemaFormProps } from "./forms/SchemaFormProps";
export { describeSource, isFixed, secretState, settingType } from "./forms/settingsSchema";
export type { SecretState, SettingProperty, SettingSource, SettingsSchema, SettingType } from "./forms/settingsSchema";
export { StatusBadge } from "./components/StatusBadge";
export type { Tone } from "./components/StatusBadge";
