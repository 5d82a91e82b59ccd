// When a council's award may count in public ("used by N councils", search's most-used
// order): only once the council has recorded that a notice publishing the contract is out
// (its notices checklist has one of these ticked). Before that the decision is private to the
// council, whatever the outcome page says.
export const CONTRACT_PUBLICATION_NOTICES = [
  "UK6", // contract award notice
  "UK7", // contract details notice
  "CONTRACTS_FINDER_AWARD",
  "BELOW_THRESHOLD_CONTRACT_DETAILS",
  "TRANSPARENCY_CODE_CONTRACT",
  "PCS_AWARD_NOTICE", // Scotland's own procedure: the award notice on Public Contracts Scotland
] as const;

/**
 * The notices after which a portal award's contract joins the public register (ADR 0023): those
 * above except UK6, which is published before the standstill period, when no contract exists yet.
 */
export const CONTRACT_REGISTER_NOTICES = CONTRACT_PUBLICATION_NOTICES.filter((code) => code !== "UK6");

/** Whether ticking or recording this checklist notice puts the award's contracts on the register. */
export function isContractRegisterNotice(code: string): boolean {
  return (CONTRACT_REGISTER_NOTICES as readonly string[]).includes(code);
}

/** Prisma `where` for ProjectOutcome rows that count publicly as a council using the product. */
export function publishedAwardWhere() {
  return {
    kind: "awarded",
    project: { notices: { some: { code: { in: [...CONTRACT_PUBLICATION_NOTICES] }, done: true } } },
  };
}
