// Buying-route rules: pure functions, no I/O. Import from "~/procurement".
export * from "./types";
export { SOURCES } from "./sources";
export { isIsoDate, toIsoDate, daysBetween, addDays, formatDate } from "./dates";
export {
  parsePounds,
  poundsToPence,
  poundsMessage,
  formatPence,
  penceToPounds,
  penceToPoundsNumber,
  assertPence,
  type PoundsParseResult,
  type PoundsParseFailure,
} from "./money";
export { THRESHOLDS, COVERED_FROM, ACT_COMMENCEMENT, LIMITS, thresholdFor, type ThresholdEntry } from "./thresholds";
export { NATION_RULES, type NationRule } from "./nations";
export {
  frameworkStatus,
  isOpenForNewCallOffs,
  lotDates,
  lotStatus,
  EXPIRING_WITHIN_DAYS,
  type FrameworkStatus,
  type StatusOptions,
} from "./framework-status";
export {
  eligibleRoutes,
  valueBand,
  DEFAULT_QUOTES_REQUIRED,
  type RouteFinderInput,
  type RouteFinderOptions,
  type RouteFinderResult,
  type NormalisedInput,
  type EligibleRoute,
  type IneligibleRoute,
  type LotMatch,
  type AgreementSummary,
  type Notice,
  type NoticeCode,
  type AppliedRule,
  type RouteKind,
  type ValueBand,
  type Warning,
  type WarningCode,
} from "./routes";
export {
  routeFinderSchema,
  routeFinderFields,
  ROUTE_FINDER_MESSAGES,
  MAX_VALUE_PENCE,
  MIN_CONTRACT_MONTHS,
  MAX_CONTRACT_MONTHS,
  type RouteFinderFormValues,
  type RouteFinderValues,
} from "./route-finder.schema";
