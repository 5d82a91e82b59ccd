// The service definition of a seeded listing (onboarding and exit, data formats, availability
// and support, backup, security evidence, accessibility, API), written for what the product
// is: software as a service, hosting, cloud support or a digital service. Drawn from its own
// fork of the product's generator, so the rest of the seed is the same as without it.
import type { Rng } from "./random";

export type ServiceKind = "software" | "hosting" | "support" | "services";

export type ServiceDefinitionRow = {
  hasApi: boolean;
  serviceId: string | null;
  onboarding: string;
  offboarding: string;
  dataImportFormats: string;
  dataExportFormats: string;
  availability: string;
  availabilityMeasurement: string;
  supportHours: string;
  supportResponse: string;
  backupFrequency: string;
  backupRecovery: string;
  securityEvidence: string;
  accessibilityLevel: string;
};

export function serviceKindOf(buying: readonly string[]): ServiceKind {
  switch (buying[0]) {
    case "cloud-hosting":
      return "hosting";
    case "cloud-support":
      return "support";
    case "digital-outcomes":
    case "specialists":
    case "other":
      return "services";
    default:
      return "software";
  }
}

const fill = (text: string, name: string) => text.replaceAll("{name}", name);

const ONBOARDING: Record<ServiceKind, string[]> = {
  software: [
    "A named implementation lead plans the go-live with your team: we load your existing records from your current system, set up users and workflows, and train your key users and trainers on site or online. Most councils go live with {name} in 8 to 12 weeks.",
    "We start with a discovery workshop, then configure {name} to your processes, migrate your data in two trial loads and one final load, and run train-the-trainer sessions. Online guides and short videos cover every screen.",
    "Set-up is a fixed-price package: data migration from your current system, configuration, integration testing and two days of training. Councils usually run {name} alongside the old system for a month before switching over.",
  ],
  hosting: [
    "An onboarding engineer agrees the landing zone with your architects, sets up your accounts, networking and identity, and moves the first workloads with you. Runbooks and a knowledge base cover day-to-day operation.",
    "We build your environment from tested templates, connect it to your network over a VPN or private link, and migrate servers and databases in planned windows. Your team gets two days of platform training.",
  ],
  support: [
    "We start with a service transition: we document your environment, agree the runbooks and escalation routes, and shadow your current provider or team for a month before taking over the support desk.",
    "A transition manager takes on your systems over six to eight weeks: access and monitoring first, then knowledge transfer sessions with your team, then a trial month before the service levels apply.",
  ],
  services: [
    "The team starts with a kick-off and a short discovery with your service owner and users. We agree ways of working, tools and governance in the first week, and work in the open with your staff throughout.",
    "We agree the outcomes and the first sprint plan with you in an inception week, set up shared tools and access, and pair with your staff so your team can carry the work on.",
  ],
};

const OFFBOARDING: Record<ServiceKind, string[]> = {
  software: [
    "At the end of the contract you can export all your data in the formats listed, at any time and at no extra cost. We keep a full copy for 30 days after the contract ends, then delete it and confirm the deletion in writing.",
    "We provide a complete export of your records, documents and audit history, and help the next supplier load it. Data is deleted 90 days after exit, with a certificate of destruction.",
  ],
  hosting: [
    "Your workloads and data stay yours: export images, snapshots and databases at any time. At exit we help move them to your new platform, then wipe the storage to NCSC guidance and confirm in writing.",
    "An exit plan is agreed at the start and reviewed every year. At the end of the contract we hand back data and configuration as code, then securely delete everything within 30 days.",
  ],
  support: [
    "An exit plan is agreed at the start: at the end of the contract we hand over runbooks, configuration records and open tickets to you or the next supplier, and remove our access within 5 working days.",
    "We hand over all documentation, the knowledge base and the ticket history in open formats, run handover sessions with the incoming team, and remove our accounts and credentials on the last day.",
  ],
  services: [
    "Everything we make is yours: code in your repositories, designs, research and documentation in your workspace. In the last sprint we run handover sessions so your team can carry the service on.",
    "Work is handed over continuously: code, research and documentation live in your own tools from the first day, so leaving needs no migration. We remove our access on the last day.",
  ],
};

const MEASUREMENT: Record<ServiceKind, string[]> = {
  software: [
    "Measured every minute by an external monitor against the login and main pages, excluding planned maintenance announced 5 working days ahead. A live status page and a monthly report show the figure; service credits apply below the target.",
    "Availability is measured monthly from independent synthetic checks, excluding agreed maintenance outside working hours. We report it in the monthly service review and credit 5% of the monthly charge for each 0.5% below the target.",
  ],
  hosting: [
    "Measured per service from the platform's own health checks and external probes, excluding your own changes. The status dashboard shows it live; service credits apply for each month below the target.",
  ],
  support: [
    "There is no availability figure for the service itself; the support desk's response and resolution times are measured per ticket and reported monthly.",
  ],
  services: ["Not applicable: this is a team delivering work, measured by the outcomes and milestones agreed for each phase."],
};

const BACKUP: Record<ServiceKind, string[]> = {
  software: [
    "Databases and documents are backed up to a second UK data centre; point-in-time recovery covers the last 35 days and nightly copies are kept for 90 days. You ask for a restore through the support desk; a full restore takes up to 4 hours.",
    "Data is replicated to a second UK region as it changes, with daily encrypted backups kept for 30 days. Restores are tested every quarter; a restore of a single record or the whole service is requested through the support desk.",
  ],
  hosting: [
    "Snapshots of servers and databases on the schedule you choose, copied to a second UK region and kept for up to a year. Restores are self-service in the portal or through the support desk, and are tested every quarter.",
  ],
  support: [
    "We hold none of your data: backups stay under your own backup arrangements, which we monitor and test as part of the service.",
  ],
  services: ["The team holds no service data of its own: code and documents live in your repositories and workspace, under your backups."],
};

const DATA_FORMATS: Record<ServiceKind, { imports: string[][]; exports: string[][] }> = {
  software: {
    imports: [
      ["csv", "xlsx"],
      ["csv", "xlsx", "api"],
      ["csv", "json", "api"],
      ["csv", "xml"],
    ],
    exports: [
      ["csv", "xlsx", "pdf"],
      ["csv", "json", "api"],
      ["csv", "ods", "xlsx"],
      ["csv", "xml", "pdf"],
    ],
  },
  hosting: { imports: [["sql", "api", "other"]], exports: [["sql", "api", "other"]] },
  support: { imports: [["csv", "xlsx"]], exports: [["csv", "pdf"]] },
  services: { imports: [["csv", "json"]], exports: [["csv", "json", "pdf"]] },
};

function securityEvidence(security: string[], year: number, name: string): string {
  const parts: string[] = [];
  if (security.includes("cyber-essentials-plus"))
    parts.push("Cyber Essentials Plus certificate, assessed by an IASME certification body, renewed every year");
  else if (security.includes("cyber-essentials")) parts.push("Cyber Essentials certificate, renewed every year");
  if (security.includes("iso-27001")) parts.push(`ISO/IEC 27001:2022 certificate from a UKAS-accredited body, its scope covering ${name}`);
  parts.push(`penetration test by a CHECK or CREST accredited tester, last in ${year}, summary available to buyers`);
  return `${parts.join("; ")}.`;
}

export function serviceDefinitionFor(
  r: Rng,
  {
    kind,
    name,
    security,
    year,
    integrations,
  }: { kind: ServiceKind; name: string; security: string[]; year: number; integrations: string[] },
): ServiceDefinitionRow {
  const formats = DATA_FORMATS[kind];
  const availability =
    kind === "hosting"
      ? r.pickWeighted([
          ["99.95", 3],
          ["99.99", 1],
        ] as const)
      : kind === "software"
        ? r.pickWeighted([
            ["99.9", 6],
            ["99.95", 2],
            ["99.5", 2],
          ] as const)
        : "none";
  return {
    hasApi: kind === "hosting" || (kind === "software" && (integrations.length > 2 || r.chance(0.7))),
    serviceId: r.chance(0.6) ? `${r.int(100_000, 999_999)}${r.int(100_000_000, 999_999_999)}` : null,
    onboarding: fill(r.pick(ONBOARDING[kind]), name),
    offboarding: fill(r.pick(OFFBOARDING[kind]), name),
    dataImportFormats: JSON.stringify(r.pick(formats.imports)),
    dataExportFormats: JSON.stringify(r.pick(formats.exports)),
    availability,
    availabilityMeasurement: r.pick(MEASUREMENT[kind]),
    supportHours:
      kind === "hosting"
        ? "24-7"
        : kind === "support"
          ? r.pick(["24-7", "extended"])
          : kind === "services"
            ? "business-hours"
            : r.pickWeighted([
                ["business-hours", 5],
                ["extended", 3],
                ["24-7", 2],
              ] as const),
    supportResponse: kind === "services" ? "next-working-day" : kind === "software" ? r.pick(["1-hour", "4-hours"]) : "1-hour",
    backupFrequency: kind === "hosting" ? "hourly" : kind === "software" ? r.pick(["continuous", "hourly", "daily"]) : "not-applicable",
    backupRecovery: r.pick(BACKUP[kind]),
    securityEvidence: securityEvidence(security, year, name),
    accessibilityLevel:
      kind === "software"
        ? r.pickWeighted([
            ["wcag-2.2-aa", 5],
            ["wcag-2.1-aa", 3],
            ["partial", 2],
          ] as const)
        : kind === "hosting"
          ? "partial"
          : kind === "support"
            ? "not-applicable"
            : "wcag-2.2-aa",
  };
}
