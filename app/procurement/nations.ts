// What the guide covers for each nation. The figures and steps are the UK
// (England) ones; for the other nations this is a documented gap, shown to
// the buyer as a warning rather than silently assumed.
import { SOURCES } from "./sources";
import type { Nation, Source } from "./types";

export interface NationRule {
  nation: Nation;
  /** "full": the guide's figures and steps are the ones that apply. "gap": they may not be. */
  coverage: "full" | "gap";
  /** Whether the Local Government Transparency Code 2015 (England) applies. */
  transparencyCode: boolean;
  /** Shown to the buyer when coverage is "gap". */
  message: string | null;
  sources: readonly Source[];
}

export const NATION_RULES: Record<Nation, NationRule> = {
  England: {
    nation: "England",
    coverage: "full",
    transparencyCode: true,
    message: null,
    sources: [SOURCES.act, SOURCES.transparencyCode],
  },
  Wales: {
    nation: "Wales",
    coverage: "gap",
    transparencyCode: false,
    message:
      "The figures shown are the UK (England) figures. Contracts regulated by the Welsh Ministers, including those of Welsh councils, have their own threshold figures and Welsh notice rules. Confirm the figures and steps with Welsh Government guidance before relying on them.",
    sources: [SOURCES.walesGuidance, SOURCES.schedule1],
  },
  Scotland: {
    nation: "Scotland",
    coverage: "gap",
    transparencyCode: false,
    message:
      "The figures shown are the UK (England) figures. Scottish councils' devolved procurements are governed by Scottish procurement law (including the Public Contracts (Scotland) Regulations 2015), not the Procurement Act 2023, so the notices and steps shown may not apply. Confirm with Scottish Government guidance.",
    sources: [SOURCES.scotlandPolicy, SOURCES.scotlandRegulations],
  },
  "Northern Ireland": {
    nation: "Northern Ireland",
    coverage: "gap",
    transparencyCode: false,
    message:
      "The figures shown are the UK (England) figures. Northern Ireland has its own arrangements and guidance for devolved procurement, and the council procedure rules and transparency rules shown here are the English ones. Confirm with Department of Finance (Northern Ireland) guidance.",
    sources: [SOURCES.northernIrelandGuidance],
  },
};
