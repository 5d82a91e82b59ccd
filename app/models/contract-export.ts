// Exports of the register (issue 16 item 7): CSV, and an OCDS 1.1 release package with one
// "contract" release per contract. Pure: the routes load the rows and pass them in.
import { penceToPounds, penceToPoundsNumber } from "~/procurement/money";
import { toCsv } from "./project-export";

export interface ExportContract {
  id: string;
  revision: number;
  title: string;
  description: string;
  buyerName: string;
  councilCode: string | null;
  councilGss: string | null;
  supplierName: string;
  supplierCompanyNumber: string | null;
  agreementNumber: string | null;
  lotNumber: string | null;
  procedure: string;
  valuePence: number | null;
  valueExVatPence: number | null;
  startDate: string | null; // ISO timestamp
  endDate: string | null;
  extensions: { endDate: string }[];
  cpvCodes: string[];
  serviceArea: string | null;
  notices: { id: string; url: string }[];
  source: string;
  ocid: string | null;
  visibility: string;
  updatedAt: string;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : "");

export const REGISTER_CSV_HEADER = [
  "id",
  "title",
  "buyer",
  "council_code",
  "supplier",
  "supplier_company_number",
  "agreement",
  "lot",
  "procedure",
  "value_inc_vat",
  "value_ex_vat",
  "start_date",
  "end_date",
  "extension_end_dates",
  "cpv_codes",
  "service_area",
  "notices",
  "source",
  "ocid",
  "visibility",
] as const;

export function registerCsv(contracts: ExportContract[]): string {
  return toCsv([
    REGISTER_CSV_HEADER,
    ...contracts.map((c) => [
      c.id,
      c.title,
      c.buyerName,
      c.councilCode,
      c.supplierName,
      c.supplierCompanyNumber,
      c.agreementNumber,
      c.lotNumber,
      c.procedure,
      c.valuePence === null ? "" : penceToPounds(c.valuePence, { wholePounds: "with-pence" }),
      c.valueExVatPence === null ? "" : penceToPounds(c.valueExVatPence, { wholePounds: "with-pence" }),
      day(c.startDate),
      day(c.endDate),
      c.extensions.map((e) => e.endDate).join("|"),
      c.cpvCodes.join("|"),
      c.serviceArea,
      c.notices.map((n) => n.url).join("|"),
      c.source,
      c.ocid,
      c.visibility,
    ]),
  ]);
}

const value = (pence: number | null) => (pence === null ? undefined : { amount: penceToPoundsNumber(pence), currency: "GBP" });

/** One OCDS release for a contract: its award and contract, buyer and supplier parties. */
export function contractRelease(c: ExportContract, ocidPrefix: string) {
  const ocid = c.ocid ?? `${ocidPrefix}-contract-${c.id}`;
  const buyerId = c.councilCode ? `GB-LAE-${c.councilCode}` : `${ocidPrefix}-buyer-${encodeURIComponent(c.buyerName).slice(0, 60)}`;
  const supplierId = c.supplierCompanyNumber ? `GB-COH-${c.supplierCompanyNumber}` : `${ocidPrefix}-supplier-${c.id}`;
  const period = c.startDate || c.endDate ? { startDate: c.startDate ?? undefined, endDate: c.endDate ?? undefined } : undefined;
  const maxExtension = c.extensions.at(-1)?.endDate;
  const cpv = c.cpvCodes.map((id) => ({ scheme: "CPV", id }));
  return {
    ocid,
    id: `${ocid}-register-${c.id}-${c.revision}`,
    date: c.updatedAt,
    tag: ["contract"],
    initiationType: "tender" as const,
    language: "en",
    parties: [
      {
        id: buyerId,
        name: c.buyerName,
        ...(c.councilCode ? { identifier: { scheme: "GB-LAE", id: c.councilCode, legalName: c.buyerName } } : {}),
        roles: ["buyer"],
      },
      ...(c.supplierName
        ? [
            {
              id: supplierId,
              name: c.supplierName,
              ...(c.supplierCompanyNumber
                ? { identifier: { scheme: "GB-COH", id: c.supplierCompanyNumber, legalName: c.supplierName } }
                : {}),
              roles: ["supplier"],
            },
          ]
        : []),
    ],
    buyer: { id: buyerId, name: c.buyerName },
    tender: {
      id: `${ocid}-tender`,
      title: c.title,
      ...(c.procedure ? { procurementMethodDetails: c.procedure } : {}),
      ...(cpv.length
        ? { items: [{ id: "1", classification: cpv[0], ...(cpv.length > 1 ? { additionalClassifications: cpv.slice(1) } : {}) }] }
        : {}),
    },
    awards: [
      {
        id: `${ocid}-award-${c.id}`,
        title: c.title,
        status: "active" as const,
        ...(value(c.valuePence) ? { value: value(c.valuePence) } : {}),
        ...(c.supplierName ? { suppliers: [{ id: supplierId, name: c.supplierName }] } : {}),
        ...(period ? { contractPeriod: period } : {}),
      },
    ],
    contracts: [
      {
        id: `${ocid}-contract-${c.id}`,
        awardID: `${ocid}-award-${c.id}`,
        title: c.title,
        ...(c.description ? { description: c.description } : {}),
        status: "active" as const,
        ...(value(c.valuePence) ? { value: value(c.valuePence) } : {}),
        ...(period ? { period: { ...period, ...(maxExtension ? { maxExtentDate: `${maxExtension}T00:00:00Z` } : {}) } } : {}),
        ...(c.notices.length
          ? {
              documents: c.notices.map((n, i) => ({
                id: String(i + 1),
                documentType: n.id === "awardNotice" ? "awardNotice" : "contractNotice",
                url: n.url,
              })),
            }
          : {}),
      },
    ],
  };
}

export function registerReleasePackage(contracts: ExportContract[], ocidPrefix: string, publishedDate: Date, publisher: string) {
  return {
    uri: `urn:${ocidPrefix}:contracts-register`,
    version: "1.1",
    publishedDate: publishedDate.toISOString().replace(/\.\d{3}Z$/, "Z"),
    publisher: { name: publisher },
    license: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    publicationPolicy: "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    releases: contracts.map((c) => contractRelease(c, ocidPrefix)),
  };
}
