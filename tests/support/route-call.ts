// Calling a route module's loader or action as Remix would, for data-layer tests: a real
// Request (session cookie, form body), the route's params, and the Response it returned or
// threw (handleForm's `data(...)` answers become Responses too, see responseOf).
import { context, makeRequest, responseOf } from "./session";

type Handler = (args: { request: Request; params: Record<string, string>; context: typeof context }) => Promise<unknown>;
type RouteModule = { loader?: Handler; action?: Handler };

export interface CallOptions {
  cookie?: string;
  /** The posted form (actions only; a repeated field is an array). */
  form?: Record<string, string | string[]>;
  params?: Record<string, string>;
}

/** The buying-project routes the project tests call, by a short name. */
export const PROJECT_ROUTES = {
  buyStep: () => import("~/routes/buy.$step"),
  buyCheck: () => import("~/routes/buy.check"),
  buyResult: () => import("~/routes/buy.result"),
  projects: () => import("~/routes/projects._index"),
  newProject: () => import("~/routes/projects.new"),
  saveSearch: () => import("~/routes/projects.save-search"),
  layout: () => import("~/routes/projects.$id"),
  project: () => import("~/routes/projects.$id._index"),
  requirements: () => import("~/routes/projects.$id.requirements"),
  search: () => import("~/routes/projects.$id.search"),
  freeze: () => import("~/routes/projects.$id.freeze"),
  frozenCsv: () => import("~/routes/projects.$id.frozen.$file"),
  shortlist: () => import("~/routes/projects.$id.shortlist"),
  evaluation: () => import("~/routes/projects.$id.evaluation"),
  outcome: () => import("~/routes/projects.$id.outcome"),
  notices: () => import("~/routes/projects.$id.notices"),
  history: () => import("~/routes/projects.$id.history"),
  record: () => import("~/routes/projects.$id_.record"),
  ocds: () => import("~/routes/projects.$id.ocds[.]json"),
  approvals: () => import("~/routes/projects.$id.approvals"),
} as const;

/** A `call(route, "loader" | "action", path, options)` for a table of route modules. */
export function routeCaller<T extends Record<string, () => Promise<unknown>>>(routes: T) {
  return async function call(route: keyof T & string, kind: "loader" | "action", path: string, options: CallOptions = {}) {
    const mod = (await routes[route]()) as RouteModule;
    const fn = mod[kind];
    if (!fn) throw new Error(`${route} has no ${kind}`);
    const request = makeRequest(path, { cookie: options.cookie, form: kind === "action" ? (options.form ?? {}) : undefined });
    return responseOf(() => fn({ request, params: options.params ?? {}, context }));
  };
}

/** The JSON body of a route's answer. */
export const json = async <T = Record<string, any>>(res: Response): Promise<T> => (await res.json()) as T;
