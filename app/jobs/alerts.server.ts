// Timed work for saved-search alerts and follows (issue 15), run by the scheduler: each due
// alert's search is run again through the search service and compared with what it last saw;
// case studies published since the last run are told to the followers of their council and
// service area, and so, again, are forward plans (told as they are published; this catches one
// whose process stopped before it could tell them).
import crypto from "node:crypto";
import { listDueAlerts, recordAlertCheck, type AlertMatch } from "~/models/saved-search-alerts.server";
import { parseAlertSearch } from "~/models/saved-search-alerts.schema";
import { listCaseStudiesPublishedBetween, notifyFollowers } from "~/models/follows.server";
import { listPublishedPlansBetween, tellPlanFollowers } from "~/models/pipeline.server";
import { searchIndex } from "~/services/search.server";
import { type SearchParams, INDEX_NAMES, type IndexName, type SearchDocument } from "~/services/search";
import { log } from "~/utils/log.server";

/** An alert compares at most this many matches of each type (the best first). */
export const ALERT_MATCH_LIMIT = 500;
const PAGE_SIZE = 100;

function matchOf(index: IndexName, doc: SearchDocument): AlertMatch {
  const fingerprint = crypto.createHash("sha256").update(JSON.stringify(doc)).digest("base64url").slice(0, 22);
  if (index === "products") return { key: `products:${doc.id}`, title: String(doc.name), path: `/products/${doc.id}`, fingerprint };
  if (index === "suppliers")
    return { key: `suppliers:${doc.id}`, title: String(doc.name), path: `/suppliers/${String(doc.slug)}`, fingerprint };
  return { key: `case-studies:${doc.id}`, title: String(doc.title), path: `/case-studies/${String(doc.slug)}`, fingerprint };
}

/** What a saved search matches now (up to ALERT_MATCH_LIMIT of each type it covers). */
export async function currentMatches(params: SearchParams): Promise<AlertMatch[]> {
  const indexes = params.type === "all" ? INDEX_NAMES : [params.type];
  const matches: AlertMatch[] = [];
  for (const index of indexes) {
    // The combined search shows each type unfiltered (search.server searchAll); so does its alert.
    const scoped = params.type === "all" ? { ...params, filters: {} } : params;
    for (let page = 1; page <= ALERT_MATCH_LIMIT / PAGE_SIZE; page++) {
      const response = await searchIndex(index, { ...scoped, sort: "relevance" }, { page, pageSize: PAGE_SIZE });
      matches.push(...response.hits.map((h) => matchOf(index, h.document)));
      if (page * PAGE_SIZE >= response.total) break;
    }
  }
  return matches;
}

export async function runSearchAlerts(at: Date): Promise<{ checked: number; sent: number; unchanged: number; taken: number }> {
  const counts = { checked: 0, sent: 0, unchanged: 0, taken: 0 };
  for (const alert of await listDueAlerts(at)) {
    const search = parseAlertSearch(alert.search);
    if (!search.ok) {
      // A search saved before a filter was renamed: skip it rather than fail the whole run.
      log.warn({ alertId: alert.id, errors: search.errors }, "saved search no longer parses; alert skipped");
      continue;
    }
    const outcome = await recordAlertCheck(alert, await currentMatches(search.params), at);
    counts.checked++;
    counts[outcome]++;
  }
  return counts;
}

/** A plan's row is stamped before its transaction commits: the window reaches back this far so one
 * committed just after the last run's end is still in the next. */
const PLAN_COMMIT_MARGIN_MS = 60_000;

/** New published case studies and forward plans since the last run, to the followers of their council and service area. */
export async function runFollowNews(at: Date, since: Date): Promise<{ caseStudies: number; pipelineEntries: number; told: number }> {
  const published = await listCaseStudiesPublishedBetween(since, at);
  let told = 0;
  for (const c of published) {
    const path = `/case-studies/${c.slug}`;
    const itemKey = `case-study:${c.id}`;
    told += await notifyFollowers("council", {
      subjectId: c.councilId,
      itemKey,
      message: `New case study from ${c.council.name}: ${c.title}`,
      path,
    });
    told += await notifyFollowers("service-area", {
      subjectId: c.serviceAreaId,
      itemKey,
      message: `New case study in ${c.serviceArea.name}: ${c.title}`,
      path,
    });
  }
  const plans = await listPublishedPlansBetween(new Date(since.getTime() - PLAN_COMMIT_MARGIN_MS), at);
  for (const plan of plans) told += await tellPlanFollowers(plan);
  return { caseStudies: published.length, pipelineEntries: plans.length, told };
}
