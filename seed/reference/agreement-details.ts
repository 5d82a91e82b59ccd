// The parts of an agreement's reference data that the generators do not need: owner,
// eligibility, sourced fact groups, successor links and open-framework terms, as rows
// for the Agreement and AgreementTerm tables. Pure: no I/O, no Prisma.
import type { AgreementSeed } from "./frameworks";

export interface AgreementDetailColumns {
  owner: string;
  eligibility: string;
  /** JSON array of FactSeed. */
  facts: string;
  /** JSON array of agreement numbers. */
  replacedBy: string;
}

export interface AgreementTermRow {
  id: string;
  agreementId: string;
  number: number;
  startDate: Date;
  endDate: Date;
  reopens: boolean;
  verified: boolean;
  sourceUrl: string;
  note: string;
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export function agreementDetailColumns(agreement: AgreementSeed): AgreementDetailColumns {
  return {
    owner: agreement.owner,
    eligibility: agreement.eligibility,
    facts: JSON.stringify(agreement.facts),
    replacedBy: JSON.stringify(agreement.replacedBy),
  };
}

/** `agreementIdFor` maps a slug to the Agreement row id the generators use (agr_<slug>). */
export function agreementTermRows(agreements: readonly AgreementSeed[], agreementIdFor: (slug: string) => string): AgreementTermRow[] {
  return agreements.flatMap((a) =>
    a.terms.map((t) => ({
      id: `agt_${a.slug}_${t.number}`,
      agreementId: agreementIdFor(a.slug),
      number: t.number,
      startDate: day(t.startDate),
      endDate: day(t.endDate),
      reopens: t.reopens,
      verified: t.verified,
      sourceUrl: t.sourceUrl,
      note: t.note,
    })),
  );
}
