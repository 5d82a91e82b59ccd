// Matching a published notice's buyer to a council and its suppliers to suppliers on the portal.
// Pure: the importer loads the councils and suppliers once and asks these matchers per release.
import type { OcdsParty } from "./release";

export interface CouncilRef {
  id: string;
  code: string;
  name: string;
  officialName: string;
  gssCode: string | null;
}

export interface SupplierRef {
  id: string;
  legalName: string;
  tradingName: string;
  companyNumber: string | null;
}

export type Match<T> = { matched: T; how: string } | { matched: null; why: string };

const LOCAL_GOVERNMENT_WORDS = /\b(council|borough|county|district|city of|metropolitan|unitary|combined authority)\b/i;

/** Lower case, "&" as "and", punctuation and repeated spaces gone. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** A council's name without the words every council has: "City of Doncaster Council" → "doncaster". */
export function placeName(name: string): string {
  return normaliseName(name)
    .replace(
      /\b(the|london borough of|royal borough of|city and county of|county borough|city of|metropolitan|borough|district|county|city|council)\b/g,
      " ",
    )
    .replace(/\s+/g, " ")
    .trim();
}

export function councilMatcher(councils: CouncilRef[]) {
  const byCode = new Map(councils.map((c) => [c.code.toUpperCase(), c]));
  const byGss = new Map(councils.filter((c) => c.gssCode).map((c) => [c.gssCode!.toUpperCase(), c]));
  const byOfficial = new Map(councils.map((c) => [normaliseName(c.officialName), c]));
  const byPlace = new Map<string, CouncilRef[]>();
  for (const c of councils)
    for (const key of new Set([placeName(c.officialName), placeName(c.name)])) if (key) byPlace.set(key, [...(byPlace.get(key) ?? []), c]);

  return (buyer: OcdsParty | null): Match<CouncilRef> => {
    if (!buyer) return { matched: null, why: "the release names no buyer" };
    for (const id of buyer.identifiers) {
      const [, scheme, value] = /^(GB-LAE|GB-LAS|GB-LAN|GB-PLA|GB-GSS)-(.+)$/i.exec(id) ?? [];
      if (!scheme) continue;
      const found = scheme.toUpperCase() === "GB-GSS" ? byGss.get(value.toUpperCase()) : byCode.get(value.toUpperCase());
      if (found) return { matched: found, how: `identifier ${id}` };
    }
    const official = byOfficial.get(normaliseName(buyer.name));
    if (official) return { matched: official, how: "official name" };
    if (!LOCAL_GOVERNMENT_WORDS.test(buyer.name))
      return {
        matched: null,
        why: "not a council: no identifier of a local authority and no council, borough, county or district in the name",
      };
    const candidates = byPlace.get(placeName(buyer.name)) ?? [];
    if (candidates.length === 1) return { matched: candidates[0], how: "place name" };
    if (candidates.length > 1)
      return { matched: null, why: `the name fits ${candidates.length} councils (${candidates.map((c) => c.code).join(", ")})` };
    return { matched: null, why: "no council on the portal has this name" };
  };
}

/** "Kestrel Civic Software Ltd" → "kestrel civic software": the company suffix does not tell suppliers apart. */
export function companyName(name: string): string {
  return normaliseName(name)
    .replace(/\b(limited|ltd|plc|llp|uk|group|the)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function supplierMatcher(suppliers: SupplierRef[]) {
  const byNumber = new Map(suppliers.filter((s) => s.companyNumber).map((s) => [s.companyNumber!.toUpperCase(), s]));
  const byName = new Map<string, SupplierRef[]>();
  for (const s of suppliers)
    for (const key of new Set([companyName(s.legalName), companyName(s.tradingName)]))
      if (key) byName.set(key, [...(byName.get(key) ?? []), s]);

  return (party: OcdsParty): Match<SupplierRef> => {
    if (party.companyNumber) {
      const found = byNumber.get(party.companyNumber);
      if (found) return { matched: found, how: `Companies House number ${party.companyNumber}` };
    }
    const candidates = byName.get(companyName(party.name)) ?? [];
    if (candidates.length === 1) return { matched: candidates[0], how: "name" };
    if (candidates.length > 1) return { matched: null, why: `the name fits ${candidates.length} suppliers` };
    return {
      matched: null,
      why: party.companyNumber
        ? `no supplier on the portal has Companies House number ${party.companyNumber} or this name`
        : "no supplier on the portal has this name",
    };
  };
}
