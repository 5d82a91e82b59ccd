// One settings object per index, in Meilisearch's own shape, plus the facet and sort
// definitions both engines use. searchableAttributes are in weight order; the embedded
// engine turns that order into field boosts.
import type { IndexName, SortOption } from "./types";
import { meilisearchSynonyms } from "./synonyms";
import {
  ACCREDITATION_LABELS,
  AVAILABILITY_FACET,
  AVAILABILITY_LABELS,
  COST_BAND_LABELS,
  COST_BANDS,
  DATA_FORMAT_LABELS,
  DATA_FORMATS,
  labelsOf,
  SIZE_LABELS,
  SUPPLIER_SIZE_ORDER as SIZE_ORDER,
} from "~/utils/labels";

export interface FacetDefinition {
  name: string;
  label: string;
  /** Fixed order of values for display; otherwise by count. */
  order?: string[];
  labels?: Record<string, string>;
}

export interface IndexDefinition {
  searchableAttributes: string[];
  /** Attributes holding codes (RM numbers, company numbers): matched exactly, never with typos. */
  exactAttributes: string[];
  facets: FacetDefinition[];
  /** Boolean filters that are not shown as facets (e.g. live frameworks only). */
  extraFilterable: string[];
  sortable: Partial<Record<SortOption, { attribute: string; direction: "asc" | "desc" }>>;
  highlight: string[];
  /** Filters applied unless the request overrides them. */
  defaultFilters: Record<string, string[]>;
}

/** Bands of a listing's starting price; `maxPence` is exclusive (integer pence, like the document's priceFromPence). */
export const PRICE_BANDS = [
  { value: "under-100", label: "Under £100", maxPence: 10_000 },
  { value: "100-1000", label: "£100 to £1,000", maxPence: 100_000 },
  { value: "1000-10000", label: "£1,000 to £10,000", maxPence: 1_000_000 },
  { value: "over-10000", label: "£10,000 or more", maxPence: Infinity },
] as const;

export function priceBand(pricePence: number): string {
  return PRICE_BANDS.find((b) => pricePence < b.maxPence)!.value;
}

export const INDEX_DEFINITIONS: Record<IndexName, IndexDefinition> = {
  products: {
    searchableAttributes: ["name", "supplierName", "category", "summary", "features", "frameworkNumbers", "description", "standards"],
    exactAttributes: ["frameworkNumbers"],
    facets: [
      { name: "framework", label: "Framework" },
      { name: "lot", label: "Lot" },
      { name: "category", label: "Category" },
      { name: "supplierSize", label: "Supplier size", order: SIZE_ORDER, labels: SIZE_LABELS },
      { name: "dataLocation", label: "Data location", order: ["UK", "EEA", "other"], labels: { UK: "UK", EEA: "EEA", other: "Other" } },
      { name: "accreditations", label: "Security accreditations", labels: ACCREDITATION_LABELS },
      // From the service definition: what buyers can take their data out in, and the availability committed to.
      { name: "dataExportFormats", label: "Data export formats", order: DATA_FORMATS.map((f) => f.value), labels: DATA_FORMAT_LABELS },
      { name: "availability", label: "Availability", order: AVAILABILITY_FACET.map((a) => a.value), labels: AVAILABILITY_LABELS },
      {
        name: "priceBand",
        label: "Price from",
        order: PRICE_BANDS.map((b) => b.value),
        labels: labelsOf(PRICE_BANDS),
      },
    ],
    extraFilterable: ["liveFramework"],
    sortable: {
      name: { attribute: "name", direction: "asc" },
      "price-asc": { attribute: "priceFromPence", direction: "asc" },
      "price-desc": { attribute: "priceFromPence", direction: "desc" },
      newest: { attribute: "publishedAt", direction: "desc" },
      "most-used": { attribute: "councilsUsing", direction: "desc" },
    },
    highlight: ["name", "summary"],
    defaultFilters: { liveFramework: ["true"] },
  },
  suppliers: {
    searchableAttributes: ["name", "legalName", "productNames", "description", "companyNumber", "frameworkNumbers"],
    exactAttributes: ["companyNumber", "frameworkNumbers"],
    facets: [
      { name: "size", label: "Size", order: SIZE_ORDER, labels: SIZE_LABELS },
      { name: "framework", label: "Framework" },
      { name: "region", label: "Region" },
      { name: "accreditations", label: "Accreditations", labels: ACCREDITATION_LABELS },
    ],
    extraFilterable: [],
    sortable: { name: { attribute: "name", direction: "asc" }, "most-used": { attribute: "productCount", direction: "desc" } },
    highlight: ["name", "description"],
    defaultFilters: {},
  },
  "case-studies": {
    searchableAttributes: [
      "title",
      "serviceArea",
      "councilName",
      "summary",
      "productNames",
      "supplierNames",
      "problem",
      "approach",
      "outcome",
    ],
    exactAttributes: [],
    facets: [
      { name: "serviceArea", label: "Service area" },
      { name: "councilType", label: "Council type" },
      { name: "region", label: "Nation or region" },
      { name: "council", label: "Council" },
      { name: "year", label: "Year" },
      {
        name: "costBand",
        label: "Cost",
        order: COST_BANDS.map((b) => b.value),
        labels: COST_BAND_LABELS,
      },
      { name: "products", label: "Products used" },
      { name: "suppliers", label: "Suppliers" },
      { name: "hasReusableAssets", label: "Reusable assets", labels: { true: "Has reusable assets", false: "No reusable assets" } },
    ],
    extraFilterable: [],
    sortable: { name: { attribute: "title", direction: "asc" }, newest: { attribute: "publishedAt", direction: "desc" } },
    highlight: ["title", "summary"],
    defaultFilters: {},
  },
};

export function filterableAttributes(index: IndexName): string[] {
  const def = INDEX_DEFINITIONS[index];
  return [...def.facets.map((f) => f.name), ...def.extraFilterable];
}

/** The Meilisearch settings object for an index. */
export function meilisearchSettings(index: IndexName) {
  const def = INDEX_DEFINITIONS[index];
  return {
    searchableAttributes: def.searchableAttributes,
    filterableAttributes: filterableAttributes(index),
    sortableAttributes: [...new Set([...Object.values(def.sortable).map((s) => s!.attribute), "tieBreaker"])],
    // "sort" last: an explicit sort only breaks relevance ties, and the default tie-breaker
    // (a salted hash) never favours a supplier by id or date.
    rankingRules: ["words", "typo", "proximity", "attribute", "exactness", "sort"],
    synonyms: meilisearchSynonyms(),
    typoTolerance: { enabled: true, disableOnAttributes: def.exactAttributes, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 100_000 },
  };
}
