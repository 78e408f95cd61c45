import { listQueryString, type ListQuery } from "@gitops-auditor/sdk";

/**
 * SEAM (issue #12, stream "lists"): the audit's list endpoints still take `sort=field&order=asc|desc`,
 * while the table speaks the platform's list contract (`sort=-field`). This turns the one into the
 * other until the audit's endpoints move to the contract; then delete it and the `toQueryString`
 * options that pass it, and the table sends the contract's query as it is.
 */
export function auditQueryString(query: ListQuery): string {
  const params = new URLSearchParams(listQueryString(query));
  const first = query.sort[0];
  if (first) {
    params.set("sort", first.field);
    params.set("order", first.descending ? "desc" : "asc");
  }
  return params.toString();
}
