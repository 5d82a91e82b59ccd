// The bench's search documents, read once from the bench database through the same loaders the
// service uses, and kept in bench/.data as JSON so engine-only runs do not wait for the database.
import fs from "node:fs";
import path from "node:path";
import type { IndexName, SearchDocument } from "../../app/search/types";

export type DocumentSet = Record<IndexName, SearchDocument[]>;

export async function loadDocuments(dbFile: string): Promise<DocumentSet> {
  const cache = path.join(path.dirname(dbFile), `documents-${fs.statSync(dbFile).mtimeMs.toFixed(0)}.json`);
  if (fs.existsSync(cache)) return JSON.parse(fs.readFileSync(cache, "utf8")) as DocumentSet;
  const { caseStudyDocuments, productDocuments, supplierDocuments } = await import("../../app/models/search-documents.server");
  const set: DocumentSet = {
    products: await productDocuments(null),
    suppliers: await supplierDocuments(null),
    "case-studies": await caseStudyDocuments(null),
  };
  fs.writeFileSync(cache, JSON.stringify(set));
  return set;
}

/** The first n documents of each index in proportion, for the growth curve. */
export function scaled(set: DocumentSet, total: number): DocumentSet {
  const all = set.products.length + set.suppliers.length + set["case-studies"].length;
  const f = Math.min(1, total / all);
  return {
    products: set.products.slice(0, Math.round(set.products.length * f)),
    suppliers: set.suppliers.slice(0, Math.round(set.suppliers.length * f)),
    "case-studies": set["case-studies"].slice(0, Math.round(set["case-studies"].length * f)),
  };
}
