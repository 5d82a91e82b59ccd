// Case-study themes: the recurring problems councils write about, with the text,
// metrics and reusable assets the generator draws on. Several councils write on
// each theme, so "councils like mine did this" matching has something to find.
//
// Placeholders: {council} (short name, e.g. "Fenland"), {product} (product name or
// a description of an unlisted one), {supplier}, {months} (project length).
import type { ServiceAreaSlug } from "../service-areas";
import type { FamilyKey } from "./products";

export type MetricTemplate = {
  /** Label shown with the figures, e.g. "Average call wait". */
  name: string;
  /** "%", "£", or a unit written after the number ("minutes", "per 100,000"). */
  unit: string;
  /** Noun phrase for narrative sentences: "the average call wait". */
  noun: string;
  /** Phrase for titles: "call waiting times". */
  titlePhrase: string;
  higherIsBetter: boolean;
  before: [number, number];
  after: [number, number];
  decimals?: number;
};

export type AssetTemplate = {
  title: string;
  type: "code" | "pattern" | "service-design" | "other";
  repo: string;
  description: string;
};

export type Theme = {
  key: string;
  serviceArea: ServiceAreaSlug;
  /** Product families that fit, most typical first. */
  families: FamilyKey[];
  /** Short description of the approach for titles: "with route optimisation". */
  headline: string;
  weight: number;
  /** Typical whole-project cost in pounds. */
  cost: [number, number];
  problems: string[];
  approaches: string[];
  outcomes: string[];
  lessons: string[];
  metrics: MetricTemplate[];
  assets: AssetTemplate[];
  /** Names for products that are not in the catalogue. */
  unlisted: string[];
  funding?: string[];
};

/** Which mySociety council types run a service (a shire district has no adult social care). */
const UPPER_TIER = ["CTY", "UA", "MD", "LBO", "SCO", "WPA", "CC"];
const BILLING = ["NMD", "UA", "MD", "LBO", "SCO", "WPA", "CC"];
const ALL_COUNCILS = ["NMD", "UA", "MD", "LBO", "SCO", "WPA", "CC", "CTY", "NID"];
export const COUNCIL_TYPES_BY_SERVICE_AREA: Record<ServiceAreaSlug, string[]> = {
  "adult-social-care": UPPER_TIER,
  "childrens-services": UPPER_TIER,
  "education-and-send": UPPER_TIER,
  // Since 2013 public health has sat with English upper-tier councils.
  "public-health": ["CTY", "UA", "MD", "LBO", "CC"],
  libraries: UPPER_TIER,
  // Counties and combined authorities run highways and transport; NI roads are a department's job.
  "highways-and-transport": ["CTY", "UA", "MD", "LBO", "SCO", "WPA", "COMB"],
  // Billing authorities; counties do not collect Council Tax and NI rates are collected centrally.
  "revenues-and-benefits": BILLING,
  // Housing authorities; in Northern Ireland housing is the Housing Executive's.
  housing: BILLING,
  planning: [...BILLING, "NID"],
  // Collection authorities; counties only dispose of waste.
  "waste-and-recycling": [...BILLING, "NID"],
  "environmental-health-and-licensing": [...BILLING, "NID"],
  "customer-services": ALL_COUNCILS,
  "democratic-services": [...ALL_COUNCILS, "COMB"],
  finance: [...ALL_COUNCILS, "COMB"],
  "hr-and-payroll": [...ALL_COUNCILS, "COMB"],
  "it-infrastructure": [...ALL_COUNCILS, "COMB"],
};

export const MY_ACCOUNT_THEME = "my-account";

export const THEMES: Theme[] = [
  // ───────────── customer services
  {
    key: MY_ACCOUNT_THEME,
    serviceArea: "customer-services",
    families: ["crm", "digital", "payments"],
    headline: "a single resident account",
    weight: 5,
    cost: [45000, 480000],
    problems: [
      "Residents in {council} had to remember a different login for almost every service, and most gave up and phoned instead. Around two thirds of contact still came through the contact centre, much of it people chasing requests they had already made.",
      "{council} had more than forty online forms, built over ten years on three different platforms. None of them told residents what happened next, so people rang to check, and advisers had no single view of what someone had already asked for.",
    ],
    approaches: [
      'We started with four weeks of user research with residents, including people who rarely go online, and with contact centre advisers. We then built a single "My Account" on {product}, moving the ten most common requests first: missed bins, Council Tax changes, parking permits and housing repairs. Every form follows GOV.UK Design System patterns and status updates go out through GOV.UK Notify.',
      "Working with {supplier}, we replaced the old forms with one resident account on {product}. We released it in stages over {months} months, starting with a public beta for waste and Council Tax, and tested every journey with people using screen readers and magnifiers before it went live.",
    ],
    outcomes: [
      "Advisers now spend more time with residents who need help, rather than reading out reference numbers.",
      "Because residents can see progress online, chasing calls have almost disappeared for the services we moved first.",
      "Neighbouring councils have since reused our form patterns and Notify templates.",
    ],
    lessons: [
      "Move the highest-volume requests first; they pay for the rest of the programme.",
      "Test with residents who do not usually go online, not just confident users.",
      "Status updates matter more to residents than new features.",
      "Agree ownership of every form with the service, or content drifts out of date within months.",
    ],
    metrics: [
      {
        name: "Online self-service share",
        unit: "%",
        noun: "the share of requests made online",
        titlePhrase: "online self-service",
        higherIsBetter: true,
        before: [22, 41],
        after: [58, 82],
      },
      {
        name: "Average call wait",
        unit: "minutes",
        noun: "the average call wait",
        titlePhrase: "call waiting times",
        higherIsBetter: false,
        before: [9, 18],
        after: [2, 5],
        decimals: 0,
      },
      {
        name: "Cost per transaction",
        unit: "£",
        noun: "the cost per transaction",
        titlePhrase: "the cost per transaction",
        higherIsBetter: false,
        before: [6.5, 9.8],
        after: [1.6, 3.2],
        decimals: 2,
      },
      {
        name: "Chasing calls a month",
        unit: "calls",
        noun: "calls chasing progress",
        titlePhrase: "chasing calls",
        higherIsBetter: false,
        before: [4200, 11000],
        after: [900, 2600],
      },
    ],
    assets: [
      {
        title: "My Account GOV.UK Notify templates and integration",
        type: "code",
        repo: "my-account-notify",
        description:
          "Node.js service that sends status updates for every request through GOV.UK Notify, with the message templates we use.",
      },
      {
        title: "Resident account pattern",
        type: "pattern",
        repo: "resident-account-pattern",
        description: "How we structure sign-in, saved requests and progress tracking, with research findings behind each decision.",
      },
      {
        title: "My Account discovery and alpha report",
        type: "service-design",
        repo: "my-account-discovery",
        description: "Research findings, user needs, journey maps and the alpha prototype we tested with residents.",
      },
      {
        title: "Accessible form components",
        type: "code",
        repo: "govuk-form-components",
        description: "Reusable form components built on GOV.UK Frontend for the form builder, with accessibility tests.",
      },
      {
        title: "Content style guide for online forms",
        type: "other",
        repo: "forms-content-guide",
        description: "Plain English guidance for writing council forms, with before-and-after examples.",
      },
    ],
    unlisted: ["in-house resident portal", "low-code resident account"],
    funding: ["Invest-to-save reserve", "Digital transformation capital budget", "Local Digital Fund grant with match funding"],
  },
  {
    key: "contact-centre",
    serviceArea: "customer-services",
    families: ["crm", "data"],
    headline: "webchat and a new contact centre platform",
    weight: 2,
    cost: [60000, 350000],
    problems: [
      "Call waits at {council} regularly passed twenty minutes in January and at annual billing, and one call in five was abandoned. Advisers juggled six systems to answer a single query.",
      "Our contact centre telephony was out of support and could not offer webchat or call-backs. Residents told us the wait was the worst thing about dealing with {council}.",
    ],
    approaches: [
      "We moved to {product}, which brings phone, webchat and email into one queue, and added a chatbot for simple questions with handover to an adviser. Knowledge articles were rewritten in plain English with the services that own them.",
      "Working with {supplier}, we introduced call-backs, webchat and a single knowledge base over {months} months, training advisers in small groups so the phones stayed covered.",
    ],
    outcomes: [
      "Advisers say they spend less time searching for answers and more time solving problems.",
      "Peaks at annual billing are now handled with webchat and call-backs rather than long queues.",
    ],
    lessons: [
      "Rewrite knowledge articles before migration; bad content moved to a new system is still bad content.",
      "Give advisers a say in how queues are set up.",
      "Publish call-wait figures so services see the effect of their letters and deadlines.",
    ],
    metrics: [
      {
        name: "Average call wait",
        unit: "minutes",
        noun: "the average call wait",
        titlePhrase: "call waiting times",
        higherIsBetter: false,
        before: [11, 22],
        after: [3, 6],
      },
      {
        name: "Calls abandoned",
        unit: "%",
        noun: "the share of calls abandoned",
        titlePhrase: "abandoned calls",
        higherIsBetter: false,
        before: [15, 26],
        after: [4, 9],
      },
      {
        name: "Resolved at first contact",
        unit: "%",
        noun: "the share of contacts resolved first time",
        titlePhrase: "first-contact resolution",
        higherIsBetter: true,
        before: [52, 66],
        after: [76, 88],
      },
    ],
    assets: [
      {
        title: "Contact centre knowledge article template",
        type: "other",
        repo: "knowledge-article-template",
        description: "The template and writing guide we used to rewrite 400 knowledge articles.",
      },
      {
        title: "Webchat handover pattern",
        type: "pattern",
        repo: "webchat-handover",
        description: "When and how the chatbot hands over to an adviser, with the scripts we tested.",
      },
    ],
    unlisted: ["cloud telephony platform"],
  },
  // ───────────── waste and recycling
  {
    key: "round-optimisation",
    serviceArea: "waste-and-recycling",
    families: ["waste", "gis"],
    headline: "route optimisation",
    weight: 3,
    cost: [25000, 220000],
    problems: [
      "Housing growth had added thousands of properties to {council}'s rounds without any being redrawn. Some crews finished by lunchtime while others could not complete their rounds, and missed bin reports climbed every month.",
      "{council}'s rounds had last been planned on paper maps more than a decade ago. Crews worked around the gaps from memory, so when experienced drivers left, missed collections rose sharply.",
    ],
    approaches: [
      "We used {product} to model every round from property-level bin counts and the real road network, then trialled the new rounds for six weeks on two crews before rolling out. Crews helped check the routes and flagged narrow streets and access problems the model could not know about.",
      "With {supplier} we re-planned all rounds over {months} months, moving collection days for around a fifth of households. Residents were told by letter, on the website and by email, and the online calendar was updated on the day of the change.",
    ],
    outcomes: [
      "Crew workloads are now balanced, and overtime has fallen.",
      "The new rounds have absorbed further housing growth without an extra vehicle.",
    ],
    lessons: [
      "Ride with the crews before changing their rounds; their knowledge is not in any dataset.",
      "Tell residents about day changes at least four weeks ahead, in several ways.",
      "Clean the address data first; the optimisation is only as good as the bin counts.",
    ],
    metrics: [
      {
        name: "Missed collections per 100,000",
        unit: "per 100,000 collections",
        noun: "missed collections",
        titlePhrase: "missed bin reports",
        higherIsBetter: false,
        before: [64, 112],
        after: [28, 58],
      },
      {
        name: "Round mileage a week",
        unit: "miles",
        noun: "weekly round mileage",
        titlePhrase: "round mileage",
        higherIsBetter: false,
        before: [3200, 6800],
        after: [2700, 3150],
      },
      {
        name: "Diesel used a year",
        unit: "litres",
        noun: "annual diesel use",
        titlePhrase: "fuel use",
        higherIsBetter: false,
        before: [380000, 620000],
        after: [300000, 370000],
      },
    ],
    assets: [
      {
        title: "Round change communications pack",
        type: "service-design",
        repo: "round-change-comms",
        description: "Letters, web content and email templates we used to tell residents about new collection days.",
      },
      {
        title: "Bin count data cleansing scripts",
        type: "code",
        repo: "bin-count-cleansing",
        description: "Python scripts to reconcile bin counts against the address gazetteer before round planning.",
      },
    ],
    unlisted: ["desktop route planning tool"],
  },
  {
    key: "missed-bins",
    serviceArea: "waste-and-recycling",
    families: ["waste", "crm"],
    headline: "in-cab devices and live round status",
    weight: 3,
    cost: [20000, 160000],
    problems: [
      "Most missed bin reports at {council} came by phone, and advisers could not tell whether a crew had been to the street yet. Many reports turned out to be bins that had not been put out.",
      "Crews at {council} recorded problems on paper sheets that reached the office days later, so residents who reported a missed bin were often told nothing could be done.",
    ],
    approaches: [
      "We fitted in-cab devices running {product} to every collection vehicle. Crews record bins not presented, contamination and blocked roads as they happen, and residents see their street's status online before they report.",
      "Using {product} from {supplier}, we linked in-cab reporting to the online missed bin form, so a report is only accepted once the round has finished and the crew has not recorded a problem at that address.",
    ],
    outcomes: [
      "Reports that are not genuine misses are now stopped before they reach the contact centre.",
      "Crews and supervisors see the same information as advisers, which has reduced friction between teams.",
    ],
    lessons: [
      "Involve the unions and crews early when introducing in-cab devices.",
      "Live round status only works if crews trust the devices; fix faults quickly.",
      "Keep the phone route for residents who need it.",
    ],
    metrics: [
      {
        name: "Missed bin reports made by phone",
        unit: "%",
        noun: "the share of missed bin reports made by phone",
        titlePhrase: "missed bin calls",
        higherIsBetter: false,
        before: [48, 74],
        after: [12, 26],
      },
      {
        name: "Missed collections per 100,000",
        unit: "per 100,000 collections",
        noun: "missed collections",
        titlePhrase: "missed bin reports",
        higherIsBetter: false,
        before: [60, 98],
        after: [30, 55],
      },
      {
        name: "Complaints about missed collections a month",
        unit: "complaints",
        noun: "monthly complaints about missed collections",
        titlePhrase: "missed collection complaints",
        higherIsBetter: false,
        before: [140, 320],
        after: [40, 110],
      },
    ],
    assets: [
      {
        title: "Missed bin reporting journey",
        type: "pattern",
        repo: "missed-bin-journey",
        description: "The online journey that checks live round status before taking a report, with research notes.",
      },
      {
        title: "In-cab events API adapter",
        type: "code",
        repo: "in-cab-events-adapter",
        description: "A small service that turns in-cab events into cases in the council's CRM.",
      },
    ],
    unlisted: ["in-cab reporting tablets"],
  },
  {
    key: "garden-waste",
    serviceArea: "waste-and-recycling",
    families: ["waste", "payments", "crm"],
    headline: "online garden waste subscriptions",
    weight: 1.5,
    cost: [12000, 70000],
    problems: [
      "Every spring {council} received thousands of garden waste renewals by phone and post, and permits were posted out by hand, sometimes weeks after payment.",
    ],
    approaches: [
      "We moved subscriptions to {product}, with payment through GOV.UK Pay and a digital permit linked to the property, so crews see subscribed addresses on their in-cab devices.",
      "With {supplier} we built an online renewal journey and switched to address-linked permits, removing stickers altogether.",
    ],
    outcomes: ["The renewal peak is now handled without temporary staff.", "Crews no longer need to check stickers on bins."],
    lessons: ["Send renewal reminders by email as well as letter.", "Address-linked permits remove a surprising amount of admin."],
    metrics: [
      {
        name: "Subscriptions bought online",
        unit: "%",
        noun: "the share of subscriptions bought online",
        titlePhrase: "online garden waste sign-ups",
        higherIsBetter: true,
        before: [35, 58],
        after: [84, 96],
      },
      {
        name: "Time to process a subscription",
        unit: "minutes",
        noun: "the time to process a subscription",
        titlePhrase: "processing time",
        higherIsBetter: false,
        before: [8, 15],
        after: [1, 2],
      },
    ],
    assets: [
      {
        title: "Garden waste subscription flow",
        type: "pattern",
        repo: "garden-waste-subscriptions",
        description: "Journey maps and prototype for the renewal service.",
      },
    ],
    unlisted: ["e-commerce subscription plug-in"],
  },
  // ───────────── revenues and benefits
  {
    key: "council-tax-self-service",
    serviceArea: "revenues-and-benefits",
    families: ["revenues", "crm", "payments"],
    headline: "Council Tax e-billing and self-service",
    weight: 2.5,
    cost: [30000, 260000],
    problems: [
      "Annual billing at {council} generated tens of thousands of calls in March, most of them about moving home, discounts or setting up a direct debit, all things residents could do themselves if the tools existed.",
      "{council} printed and posted every Council Tax bill, and residents had no way to see their account online. In-year collection had slipped below the average for similar councils.",
    ],
    approaches: [
      "We introduced {product} so residents can view bills, sign up for e-billing and direct debit, and report a move online. The forms update the revenues system directly rather than creating work for officers.",
      "With {supplier} we launched online Council Tax accounts, then ran an e-billing campaign in the autumn so the next annual billing went out mostly by email.",
    ],
    outcomes: [
      "Officers now spend their time on recovery and complex cases.",
      "Printing and postage savings alone covered the running costs.",
    ],
    lessons: [
      "Launch e-billing well before annual billing, not during it.",
      "Automate the simple changes completely; half-automated forms just move the work.",
      "Work with the contact centre on the scripts advisers use to promote self-service.",
    ],
    metrics: [
      {
        name: "Council Tax collected in year",
        unit: "%",
        noun: "in-year Council Tax collection",
        titlePhrase: "in-year collection",
        higherIsBetter: true,
        before: [93.2, 95.6],
        after: [96.0, 97.6],
        decimals: 1,
      },
      {
        name: "Council Tax calls a month",
        unit: "calls",
        noun: "monthly Council Tax calls",
        titlePhrase: "Council Tax calls",
        higherIsBetter: false,
        before: [5500, 14000],
        after: [2400, 5000],
      },
      {
        name: "Paper bills printed a year",
        unit: "bills",
        noun: "paper bills printed each year",
        titlePhrase: "paper bills",
        higherIsBetter: false,
        before: [60000, 180000],
        after: [18000, 55000],
      },
    ],
    assets: [
      {
        title: "Council Tax move-in and move-out forms",
        type: "code",
        repo: "council-tax-moves",
        description: "Accessible forms and the integration that updates the revenues system.",
      },
      {
        title: "E-billing campaign materials",
        type: "other",
        repo: "ebilling-campaign",
        description: "Letters, web banners and email copy from our e-billing campaign.",
      },
    ],
    unlisted: ["revenues system self-service module"],
  },
  {
    key: "benefits-automation",
    serviceArea: "revenues-and-benefits",
    families: ["revenues", "data"],
    headline: "automated change processing",
    weight: 2,
    cost: [25000, 180000],
    problems: [
      "{council}'s benefits team keyed thousands of DWP change notifications by hand each month, and new claims waited weeks while the backlog was cleared.",
      "Processing times for Housing Benefit and Council Tax Reduction at {council} were among the slowest in the region, and residents in hardship were waiting too long for help.",
    ],
    approaches: [
      "We used {product} to apply routine changes automatically, leaving officers to deal with exceptions. Rules were agreed with the benefits team and audited every week for the first three months.",
      "With {supplier} we automated the processing of income changes and introduced an online claim form that checks evidence at the point of claim.",
    ],
    outcomes: [
      "Residents receive decisions sooner and the backlog has not returned.",
      "Subsidy audit found no errors in automated changes.",
    ],
    lessons: ["Start with the simplest, highest-volume changes.", "Check automated decisions by sampling every week at first."],
    metrics: [
      {
        name: "Days to process a new claim",
        unit: "days",
        noun: "the average time to process a new claim",
        titlePhrase: "new claim processing times",
        higherIsBetter: false,
        before: [19, 34],
        after: [7, 14],
      },
      {
        name: "Days to process a change of circumstances",
        unit: "days",
        noun: "the average time to process a change",
        titlePhrase: "change processing times",
        higherIsBetter: false,
        before: [9, 18],
        after: [2, 5],
      },
    ],
    assets: [
      {
        title: "Automation rules for benefit changes",
        type: "other",
        repo: "benefit-change-rules",
        description: "The rules we automate, with the checks agreed with audit.",
      },
    ],
    unlisted: ["robotic process automation scripts"],
  },
  // ───────────── housing
  {
    key: "repairs-damp",
    serviceArea: "housing",
    families: ["housing", "crm", "data"],
    headline: "a new repairs and damp reporting service",
    weight: 2.5,
    cost: [40000, 420000],
    problems: [
      "Tenants at {council} could only report repairs by phone, and reports of damp and mould were not triaged by risk. Some cases waited months for an inspection.",
      "Repairs data at {council} sat in three systems, so we could not tell tenants when an operative would arrive, and many visits found no one at home.",
    ],
    approaches: [
      "We moved repairs reporting to {product}, letting tenants book appointments and send photos. Damp and mould reports are scored by risk, with the highest-risk homes inspected within days.",
      "With {supplier} we joined up repairs ordering, appointments and contractor updates over {months} months, and gave tenants text reminders the day before each visit.",
    ],
    outcomes: [
      "Tenants now know when someone will arrive, and fewer visits are wasted.",
      "The risk-based approach gives us clear evidence for the regulator.",
    ],
    lessons: [
      "Photos from tenants save many diagnostic visits.",
      "Treat damp and mould as a health issue, not just a repair.",
      "Share live repair status with tenants.",
    ],
    metrics: [
      {
        name: "Days to complete a damp and mould repair",
        unit: "days",
        noun: "the average time to complete a damp and mould repair",
        titlePhrase: "damp and mould repair times",
        higherIsBetter: false,
        before: [38, 72],
        after: [12, 24],
      },
      {
        name: "Repair appointments kept",
        unit: "%",
        noun: "the share of repair appointments kept",
        titlePhrase: "appointments kept",
        higherIsBetter: true,
        before: [68, 82],
        after: [90, 97],
      },
      {
        name: "Repeat repair visits",
        unit: "%",
        noun: "the share of repairs needing a repeat visit",
        titlePhrase: "repeat visits",
        higherIsBetter: false,
        before: [14, 24],
        after: [6, 11],
      },
    ],
    assets: [
      {
        title: "Damp and mould triage model",
        type: "pattern",
        repo: "damp-mould-triage",
        description: "How we score damp and mould reports by risk, with the questions tenants answer.",
      },
      {
        title: "Repairs reporting service design",
        type: "service-design",
        repo: "repairs-reporting-design",
        description: "Research, journey maps and prototypes for online repairs reporting.",
      },
    ],
    unlisted: ["repairs contractor portal"],
  },
  {
    key: "homelessness",
    serviceArea: "housing",
    families: ["housing", "data", "digital"],
    headline: "joined-up homelessness casework",
    weight: 2,
    cost: [30000, 240000],
    problems: [
      "Demand for homelessness help at {council} doubled in three years. Caseworkers recorded cases in spreadsheets and could not see which households were close to losing their homes.",
      "Temporary accommodation costs at {council} were rising fast, and we lacked the information to prevent homelessness earlier.",
    ],
    approaches: [
      "We introduced {product} for homelessness casework, with prompts for each duty and automatic reminders of key dates. Data from benefits and rent arrears helps us contact households before a crisis.",
      "With {supplier} we redesigned the approach to homelessness prevention, starting with research with people who had been homeless, and moved casework onto {product}.",
    ],
    outcomes: ["More households are now helped to stay in their homes.", "Statutory returns take a day instead of a week."],
    lessons: [
      "Talk to people with lived experience before designing anything.",
      "Early contact works best when it comes from a named caseworker.",
    ],
    metrics: [
      {
        name: "Days to a homelessness decision",
        unit: "days",
        noun: "the average time to a decision",
        titlePhrase: "decision times",
        higherIsBetter: false,
        before: [45, 70],
        after: [20, 35],
      },
      {
        name: "Prevention duties ending with the home kept",
        unit: "%",
        noun: "the share of prevention cases where the household kept its home",
        titlePhrase: "successful prevention",
        higherIsBetter: true,
        before: [38, 52],
        after: [58, 72],
      },
    ],
    assets: [
      {
        title: "Homelessness prevention service blueprint",
        type: "service-design",
        repo: "homelessness-prevention-blueprint",
        description: "Service blueprint and research findings from our prevention redesign.",
      },
    ],
    unlisted: ["homelessness case management spreadsheet replacement"],
    funding: ["Homelessness Prevention Grant", "Housing Revenue Account", "Invest-to-save reserve"],
  },
  {
    key: "voids",
    serviceArea: "housing",
    families: ["housing", "data"],
    headline: "a new voids process",
    weight: 1.5,
    cost: [20000, 150000],
    problems: [
      "Empty council homes at {council} took more than two months to re-let, costing rent and leaving families waiting in temporary accommodation.",
    ],
    approaches: [
      "We mapped the voids process from keys returned to tenancy start and used {product} to track every stage, with contractor work raised automatically from the void inspection.",
    ],
    outcomes: ["Families move in weeks sooner, and rent loss has fallen sharply."],
    lessons: ["Measure each stage of the void; the delays were not where we expected.", "Start viewings before the works finish."],
    metrics: [
      {
        name: "Average void turnaround",
        unit: "days",
        noun: "the average void turnaround",
        titlePhrase: "void turnaround",
        higherIsBetter: false,
        before: [48, 90],
        after: [21, 35],
      },
      {
        name: "Rent lost to empty homes a year",
        unit: "£",
        noun: "rent lost to empty homes",
        titlePhrase: "rent loss",
        higherIsBetter: false,
        before: [250000, 700000],
        after: [90000, 220000],
      },
    ],
    assets: [],
    unlisted: ["voids tracker"],
  },
  // ───────────── planning
  {
    key: "planning-validation",
    serviceArea: "planning",
    families: ["planning", "gis", "digital"],
    headline: "automated planning validation",
    weight: 2.5,
    cost: [30000, 200000],
    problems: [
      "Half of the planning applications {council} received were invalid on arrival, usually for missing plans or the wrong fee. Officers spent days chasing agents before any assessment could start.",
      "{council}'s planning register was hard to search and residents could not comment online, so the team handled hundreds of calls and letters on contentious applications.",
    ],
    approaches: [
      "We used {product} to check applications against constraints and the validation checklist automatically as they arrive. Agents are told immediately what is missing.",
      "With {supplier} we replaced the planning back office and public register over {months} months, publishing constraint data as open map layers at the same time.",
    ],
    outcomes: ["Officers now spend validation time on judgement calls, not checklists.", "Agents have welcomed the faster feedback."],
    lessons: ["Publish the validation checklist in plain English.", "Clean the constraint layers before automating checks."],
    metrics: [
      {
        name: "Applications invalid on receipt",
        unit: "%",
        noun: "the share of applications invalid on receipt",
        titlePhrase: "invalid applications",
        higherIsBetter: false,
        before: [40, 58],
        after: [14, 26],
      },
      {
        name: "Days to validate an application",
        unit: "days",
        noun: "the average time to validate an application",
        titlePhrase: "validation times",
        higherIsBetter: false,
        before: [10, 21],
        after: [2, 5],
      },
      {
        name: "Major applications decided in time",
        unit: "%",
        noun: "the share of major applications decided in time",
        titlePhrase: "decisions in time",
        higherIsBetter: true,
        before: [62, 78],
        after: [86, 96],
      },
    ],
    assets: [
      {
        title: "Planning constraints as open data",
        type: "code",
        repo: "planning-constraints-data",
        description: "Scripts that publish our planning constraint layers as GeoJSON and OGC services.",
      },
      {
        title: "Validation checklist in plain English",
        type: "other",
        repo: "planning-validation-checklist",
        description: "The local validation list rewritten and tested with agents.",
      },
    ],
    unlisted: ["in-house validation tool"],
  },
  {
    key: "land-charges",
    serviceArea: "planning",
    families: ["planning", "gis"],
    headline: "digitised land charges",
    weight: 1,
    cost: [15000, 90000],
    problems: [
      "Local land charges searches at {council} relied on paper records and card indexes, and turnaround times slowed conveyancing across the area.",
    ],
    approaches: ["We digitised the register into {product}, checked every charge against mapped extents and automated the search results."],
    outcomes: ["The register is now ready for migration to the national service."],
    lessons: ["Budget time for data cleansing; it took longer than the system change."],
    metrics: [
      {
        name: "Search turnaround",
        unit: "working days",
        noun: "the average search turnaround",
        titlePhrase: "search turnaround",
        higherIsBetter: false,
        before: [7, 15],
        after: [1, 3],
      },
    ],
    assets: [],
    unlisted: ["scanning bureau service"],
  },
  // ───────────── highways and transport
  {
    key: "pothole-reporting",
    serviceArea: "highways-and-transport",
    families: ["highways", "gis", "crm"],
    headline: "map-based fault reporting",
    weight: 2,
    cost: [25000, 260000],
    problems: [
      "Residents reported potholes to {council} by phone and email with vague locations, inspectors wasted trips, and the same defect was often reported dozens of times.",
    ],
    approaches: [
      "We launched map-based reporting on {product}, showing existing reports so residents can follow a fault rather than report it again. Inspectors' findings flow straight to the contractor.",
      "With {supplier} we connected public reports, inspections and repair orders over {months} months, replacing three separate systems.",
    ],
    outcomes: [
      "Dangerous defects are repaired sooner and residents can see progress.",
      "Better records have strengthened our defence of insurance claims.",
    ],
    lessons: [
      "Show existing reports on the map; duplicates fall immediately.",
      "Tell residents when a fault does not meet the intervention level and why.",
    ],
    metrics: [
      {
        name: "Days to repair a category 2 defect",
        unit: "days",
        noun: "the average time to repair a category 2 defect",
        titlePhrase: "repair times",
        higherIsBetter: false,
        before: [22, 40],
        after: [8, 14],
      },
      {
        name: "Duplicate fault reports",
        unit: "%",
        noun: "the share of duplicate reports",
        titlePhrase: "duplicate reports",
        higherIsBetter: false,
        before: [25, 40],
        after: [8, 15],
      },
    ],
    assets: [
      {
        title: "Fault reporting map component",
        type: "code",
        repo: "fault-reporting-map",
        description: "Accessible map component for reporting and following highway faults.",
      },
    ],
    unlisted: ["highways contractor system"],
  },
  {
    key: "parking-permits",
    serviceArea: "highways-and-transport",
    families: ["highways", "payments", "crm"],
    headline: "virtual parking permits",
    weight: 1.5,
    cost: [20000, 140000],
    problems: [
      "Parking permits at {council} were paper-based, with applications posted in and permits posted out, and renewals generated long queues every spring.",
    ],
    approaches: [
      "We moved to virtual permits on {product}, with online applications, evidence checks and payment, and handheld devices for enforcement officers.",
    ],
    outcomes: ["Residents receive permits the same day.", "No more lost or stolen paper permits."],
    lessons: ["Keep a simple assisted route for residents who cannot apply online."],
    metrics: [
      {
        name: "Permits issued online",
        unit: "%",
        noun: "the share of permits issued online",
        titlePhrase: "online permits",
        higherIsBetter: true,
        before: [25, 48],
        after: [82, 95],
      },
      {
        name: "Days to issue a permit",
        unit: "days",
        noun: "the average time to issue a permit",
        titlePhrase: "permit waiting times",
        higherIsBetter: false,
        before: [7, 14],
        after: [1, 2],
      },
    ],
    assets: [
      {
        title: "Virtual permit application flow",
        type: "pattern",
        repo: "virtual-permits",
        description: "Journey and evidence rules for virtual parking permits.",
      },
    ],
    unlisted: ["parking enforcement handhelds"],
  },
  // ───────────── libraries
  {
    key: "library-self-service",
    serviceArea: "libraries",
    families: ["libraries", "crm"],
    headline: "online joining and self-service",
    weight: 1.5,
    cost: [20000, 160000],
    problems: [
      "Joining {council}'s libraries meant visiting in person with proof of address, and staff spent most of their day issuing and discharging books.",
    ],
    approaches: [
      "We introduced online joining and self-service kiosks with {product}, and refocused staff time on events, digital inclusion and support for job seekers.",
    ],
    outcomes: ["Membership has grown, especially among families and younger adults."],
    lessons: ["Let people join online and borrow e-books straight away.", "Plan new roles for staff before kiosks arrive."],
    metrics: [
      {
        name: "Loans through self-service",
        unit: "%",
        noun: "the share of loans through self-service",
        titlePhrase: "self-service loans",
        higherIsBetter: true,
        before: [40, 60],
        after: [80, 92],
      },
      {
        name: "New members joining online a month",
        unit: "members",
        noun: "new members joining online each month",
        titlePhrase: "online joiners",
        higherIsBetter: true,
        before: [60, 150],
        after: [280, 520],
      },
    ],
    assets: [
      {
        title: "Library online joining journey",
        type: "pattern",
        repo: "library-joining",
        description: "Journey and eligibility rules for joining the library online.",
      },
    ],
    unlisted: ["library management system upgrade"],
  },
  // ───────────── democratic services
  {
    key: "committee-papers",
    serviceArea: "democratic-services",
    families: ["democracy", "edrms"],
    headline: "accessible committee papers",
    weight: 1.5,
    cost: [10000, 90000],
    problems: [
      "{council} printed thousands of agenda packs a year, published papers only as scanned PDFs that screen readers could not read, and minutes took weeks to appear.",
    ],
    approaches: [
      "We moved committee management to {product}, with report templates, approval workflows and HTML publishing alongside PDF. Councillors now read papers on tablets.",
    ],
    outcomes: ["Papers are accessible to everyone and published sooner.", "Printing costs have fallen sharply."],
    lessons: ["Fix report templates first; they drive accessibility.", "Give councillors training on tablets before switching off print."],
    metrics: [
      {
        name: "Days to publish draft minutes",
        unit: "days",
        noun: "the time to publish draft minutes",
        titlePhrase: "minute publication times",
        higherIsBetter: false,
        before: [10, 21],
        after: [3, 6],
      },
      {
        name: "Printed agenda packs a year",
        unit: "packs",
        noun: "printed agenda packs each year",
        titlePhrase: "printed agenda packs",
        higherIsBetter: false,
        before: [5000, 14000],
        after: [600, 1800],
      },
      {
        name: "Papers published as accessible HTML",
        unit: "%",
        noun: "the share of papers published as accessible HTML",
        titlePhrase: "accessible papers",
        higherIsBetter: true,
        before: [5, 20],
        after: [88, 100],
      },
    ],
    assets: [
      {
        title: "Accessible committee report template",
        type: "other",
        repo: "accessible-report-template",
        description: "Word and HTML templates for committee reports that pass accessibility checks.",
      },
    ],
    unlisted: ["committee management system"],
  },
  // ───────────── finance
  {
    key: "purchase-to-pay",
    serviceArea: "finance",
    families: ["finance", "payments"],
    headline: "e-invoicing and purchase-to-pay",
    weight: 1.5,
    cost: [40000, 600000],
    problems: [
      "{council} paid too many small suppliers late because invoices arrived on paper and were keyed by hand, and local businesses told us it affected their cash flow.",
    ],
    approaches: [
      "We introduced e-invoicing and automatic matching through {product}, and asked our top 200 suppliers to switch in the first year.",
    ],
    outcomes: ["Local SMEs are now paid well within 30 days."],
    lessons: ["Start with your largest suppliers by invoice volume.", "Make no purchase order, no pay a real rule."],
    metrics: [
      {
        name: "Invoices paid within 30 days",
        unit: "%",
        noun: "the share of invoices paid within 30 days",
        titlePhrase: "on-time payment",
        higherIsBetter: true,
        before: [72, 86],
        after: [94, 99],
      },
      {
        name: "Cost per invoice processed",
        unit: "£",
        noun: "the cost per invoice",
        titlePhrase: "the cost per invoice",
        higherIsBetter: false,
        before: [4.5, 8.5],
        after: [1.2, 2.6],
        decimals: 2,
      },
    ],
    assets: [],
    unlisted: ["enterprise resource planning system"],
  },
  {
    key: "income-management",
    serviceArea: "finance",
    families: ["payments", "finance", "data"],
    headline: "automatic income reconciliation",
    weight: 1.5,
    cost: [20000, 180000],
    problems: [
      "Income at {council} was reconciled by hand from a dozen payment channels, leaving large sums unreconciled at month end and delaying the accounts.",
    ],
    approaches: [
      "We brought all payment channels into {product}, which matches payments to the ledger overnight and flags exceptions for the team.",
    ],
    outcomes: ["The finance team closes each month days sooner."],
    lessons: ["List every payment channel before you start; we found three nobody knew about."],
    metrics: [
      {
        name: "Unreconciled income at month end",
        unit: "£",
        noun: "unreconciled income at month end",
        titlePhrase: "unreconciled income",
        higherIsBetter: false,
        before: [600000, 1800000],
        after: [60000, 220000],
      },
      {
        name: "Days to close the year-end accounts",
        unit: "days",
        noun: "the time to close the accounts",
        titlePhrase: "year-end closedown",
        higherIsBetter: false,
        before: [50, 75],
        after: [28, 42],
      },
    ],
    assets: [
      {
        title: "Payment channel reconciliation rules",
        type: "other",
        repo: "income-reconciliation-rules",
        description: "Matching rules for each payment channel.",
      },
    ],
    unlisted: ["cash receipting system"],
  },
  // ───────────── HR and payroll
  {
    key: "payroll-self-service",
    serviceArea: "hr-and-payroll",
    families: ["hr"],
    headline: "HR and payroll self-service",
    weight: 1.5,
    cost: [40000, 500000],
    problems: [
      "Payroll at {council} depended on paper forms from managers, and errors in overtime, mileage and starters' details meant hundreds of corrections every month.",
    ],
    approaches: [
      "We moved to {product}, with employee and manager self-service for absence, expenses and changes, so information reaches payroll once and correctly.",
    ],
    outcomes: ["Payroll errors and payslip queries have fallen substantially."],
    lessons: ["Train managers, not just employees.", "Switch off the paper forms on a fixed date."],
    metrics: [
      {
        name: "Payroll errors a month",
        unit: "errors",
        noun: "monthly payroll errors",
        titlePhrase: "payroll errors",
        higherIsBetter: false,
        before: [90, 220],
        after: [15, 45],
      },
      {
        name: "Payslip queries a month",
        unit: "queries",
        noun: "monthly payslip queries",
        titlePhrase: "payslip queries",
        higherIsBetter: false,
        before: [350, 900],
        after: [90, 240],
      },
    ],
    assets: [],
    unlisted: ["payroll bureau service"],
  },
  {
    key: "recruitment",
    serviceArea: "hr-and-payroll",
    families: ["hr"],
    headline: "online recruitment",
    weight: 1,
    cost: [15000, 120000],
    problems: [
      "Hard-to-fill roles at {council}, especially in social care and planning, were taking months to fill, and applicants dropped out of a slow, paper-heavy process.",
    ],
    approaches: ["We moved recruitment onto {product}, shortened the application form and tracked references and checks online."],
    outcomes: ["We now fill most roles in half the time."],
    lessons: ["Shorten the application form; we removed a third of the questions without losing anything useful."],
    metrics: [
      {
        name: "Days to hire",
        unit: "days",
        noun: "the average time to hire",
        titlePhrase: "time to hire",
        higherIsBetter: false,
        before: [60, 95],
        after: [30, 45],
      },
      {
        name: "Applications completed online",
        unit: "%",
        noun: "the share of applications completed online",
        titlePhrase: "online applications",
        higherIsBetter: true,
        before: [45, 70],
        after: [92, 99],
      },
    ],
    assets: [
      {
        title: "Short application form",
        type: "pattern",
        repo: "short-application-form",
        description: "Our shortened job application form and the research behind it.",
      },
    ],
    unlisted: ["applicant tracking system"],
  },
  // ───────────── IT infrastructure
  {
    key: "data-centre-exit",
    serviceArea: "it-infrastructure",
    families: ["hosting", "support"],
    headline: "a cloud migration",
    weight: 2,
    cost: [120000, 1800000],
    problems: [
      "{council}'s data centre was running out of power and cooling, its hardware was out of warranty, and a failure had already taken key services offline for a day.",
      "Running our own server rooms cost {council} more every year, and we could not recruit the specialist staff to keep them secure.",
    ],
    approaches: [
      "We moved our line-of-business systems to {product} in six waves over {months} months, starting with low-risk services. Each wave had a tested rollback plan.",
      "With {supplier} we assessed every application, retired a third of them, and migrated the rest to cloud hosting with infrastructure defined as code.",
    ],
    outcomes: [
      "The data centre is closed and unplanned outages are rare.",
      "Our IT team now spends more time on services and less on hardware.",
    ],
    lessons: ["Retire before you migrate; we switched off 80 servers nobody used.", "Build cloud skills in your own team from day one."],
    metrics: [
      {
        name: "Servers in the council data centre",
        unit: "servers",
        noun: "servers in the data centre",
        titlePhrase: "on-premises servers",
        higherIsBetter: false,
        before: [180, 520],
        after: [0, 40],
      },
      {
        name: "Annual hosting cost",
        unit: "£",
        noun: "the annual hosting cost",
        titlePhrase: "hosting costs",
        higherIsBetter: false,
        before: [700000, 1600000],
        after: [380000, 650000],
      },
      {
        name: "Unplanned outage hours a year",
        unit: "hours",
        noun: "unplanned outage hours",
        titlePhrase: "outages",
        higherIsBetter: false,
        before: [30, 80],
        after: [3, 10],
      },
    ],
    assets: [
      {
        title: "Landing zone as code",
        type: "code",
        repo: "cloud-landing-zone",
        description: "Terraform modules for our cloud landing zone, networking and logging.",
      },
      {
        title: "Application migration playbook",
        type: "other",
        repo: "migration-playbook",
        description: "How we assessed, grouped and moved applications, with templates.",
      },
    ],
    unlisted: ["co-location facility"],
    funding: ["Capital programme", "Invest-to-save reserve"],
  },
  {
    key: "cyber-resilience",
    serviceArea: "it-infrastructure",
    families: ["cyber", "support", "hosting"],
    headline: "a managed security operations centre",
    weight: 1.5,
    cost: [40000, 450000],
    problems: [
      "After attacks on other councils, {council} reviewed its defences and found hundreds of critical vulnerabilities open for weeks, no monitoring out of hours, and untested backups.",
    ],
    approaches: [
      "We brought in {product} for round-the-clock monitoring, weekly vulnerability scanning and immutable backups, and ran a ransomware exercise with senior leaders.",
    ],
    outcomes: ["We now know within minutes when something looks wrong.", "Councillors receive clear quarterly assurance."],
    lessons: ["Test restores, not just backups.", "Run exercises with senior leaders, not only IT."],
    metrics: [
      {
        name: "Critical vulnerabilities open over 14 days",
        unit: "vulnerabilities",
        noun: "critical vulnerabilities open more than 14 days",
        titlePhrase: "open critical vulnerabilities",
        higherIsBetter: false,
        before: [80, 240],
        after: [4, 20],
      },
      {
        name: "Staff clicking simulated phishing",
        unit: "%",
        noun: "the share of staff clicking simulated phishing",
        titlePhrase: "phishing clicks",
        higherIsBetter: false,
        before: [14, 26],
        after: [2, 6],
      },
      {
        name: "Time to restore a critical system",
        unit: "hours",
        noun: "the time to restore a critical system",
        titlePhrase: "restore times",
        higherIsBetter: false,
        before: [48, 120],
        after: [4, 12],
      },
    ],
    assets: [
      {
        title: "Ransomware exercise pack",
        type: "other",
        repo: "ransomware-exercise",
        description: "Scenario, injects and facilitator notes for a leadership exercise.",
      },
    ],
    unlisted: ["endpoint protection suite"],
  },
  {
    key: "records-migration",
    serviceArea: "it-infrastructure",
    families: ["edrms", "support"],
    headline: "a records migration",
    weight: 1,
    cost: [30000, 300000],
    problems: [
      "{council} held tens of terabytes on ageing file shares with no retention applied, and staff could rarely find what they needed.",
    ],
    approaches: [
      "We moved records into {product}, applying the retention schedule as we went and deleting what we no longer needed to keep.",
    ],
    outcomes: ["Staff find documents quickly and we keep records only as long as we should."],
    lessons: ["Agree disposal with services before migration, not after."],
    metrics: [
      {
        name: "Data on legacy file shares",
        unit: "TB",
        noun: "data on legacy file shares",
        titlePhrase: "legacy storage",
        higherIsBetter: false,
        before: [30, 80],
        after: [4, 14],
      },
    ],
    assets: [],
    unlisted: ["file share analysis tool"],
  },
  // ───────────── adult social care
  {
    key: "asc-assessments",
    serviceArea: "adult-social-care",
    families: ["adult-social-care", "crm", "digital"],
    headline: "online self-assessment",
    weight: 2.5,
    cost: [60000, 900000],
    problems: [
      "Hundreds of people were waiting for a Care Act assessment at {council}, some for months, and social workers spent much of their time recording the same information twice.",
      "{council}'s front door for adult social care relied on phone calls and paper, and people often told their story several times before receiving help.",
    ],
    approaches: [
      "We introduced {product}, with online self-assessment for people who can and want to use it, and strengths-based conversations for everyone else. Information gathered at the front door now follows the person through assessment and support planning.",
      "With {supplier} we redesigned the front door over {months} months with practitioners, people who draw on care and carers, then moved assessments and support plans onto {product}.",
    ],
    outcomes: [
      "People tell their story once, and practitioners have more time for complex cases.",
      "The waiting list has stayed down through winter pressures.",
    ],
    lessons: [
      "Co-design with people who draw on care and their carers.",
      "Online self-assessment suits some people, not all; keep other routes open.",
    ],
    metrics: [
      {
        name: "People waiting for a care assessment",
        unit: "people",
        noun: "the number of people waiting for an assessment",
        titlePhrase: "assessment waiting lists",
        higherIsBetter: false,
        before: [380, 900],
        after: [90, 300],
      },
      {
        name: "Days from contact to assessment",
        unit: "days",
        noun: "the average time from first contact to assessment",
        titlePhrase: "waits for assessment",
        higherIsBetter: false,
        before: [32, 64],
        after: [10, 21],
      },
      {
        name: "Assessments started online",
        unit: "%",
        noun: "the share of assessments started online",
        titlePhrase: "online assessments",
        higherIsBetter: true,
        before: [2, 9],
        after: [18, 34],
      },
    ],
    assets: [
      {
        title: "Adult social care front door blueprint",
        type: "service-design",
        repo: "asc-front-door",
        description: "Research and service blueprint for the adult social care front door.",
      },
    ],
    unlisted: ["case management system upgrade"],
    funding: ["Better Care Fund", "Market Sustainability and Improvement Fund", "Revenue budget"],
  },
  {
    key: "asc-provider-portal",
    serviceArea: "adult-social-care",
    families: ["adult-social-care", "payments"],
    headline: "a care provider portal",
    weight: 1.5,
    cost: [30000, 300000],
    problems: [
      "Care providers in {council} waited more than a month to be paid, and the finance team handled hundreds of invoice queries a month.",
    ],
    approaches: [
      "We launched a provider portal on {product}, where providers confirm care delivered and payments are made from planned care automatically.",
    ],
    outcomes: ["Providers are paid faster, which matters to a fragile local care market."],
    lessons: ["Involve a few providers in testing before launch."],
    metrics: [
      {
        name: "Days to pay care providers",
        unit: "days",
        noun: "the average time to pay providers",
        titlePhrase: "provider payment times",
        higherIsBetter: false,
        before: [28, 45],
        after: [7, 14],
      },
      {
        name: "Invoice queries a month",
        unit: "queries",
        noun: "monthly invoice queries",
        titlePhrase: "invoice queries",
        higherIsBetter: false,
        before: [250, 600],
        after: [60, 180],
      },
    ],
    assets: [],
    unlisted: ["provider payments module"],
    funding: ["Better Care Fund", "Revenue budget"],
  },
  // ───────────── children's services
  {
    key: "front-door-triage",
    serviceArea: "childrens-services",
    families: ["childrens", "data"],
    headline: "a redesigned children's front door",
    weight: 2,
    cost: [50000, 700000],
    problems: [
      "Referrals to {council}'s children's front door arrived by email, phone and fax, and decisions took longer than a day for too many children.",
    ],
    approaches: [
      "We brought referrals into one queue on {product}, with partners sharing information in the same place, and set clear thresholds agreed across the partnership.",
    ],
    outcomes: ["Children at risk are identified sooner and fewer families are referred again."],
    lessons: ["Agree thresholds with partners before changing systems."],
    metrics: [
      {
        name: "Referrals decided within 24 hours",
        unit: "%",
        noun: "the share of referrals decided within 24 hours",
        titlePhrase: "same-day decisions",
        higherIsBetter: true,
        before: [55, 72],
        after: [88, 97],
      },
      {
        name: "Re-referrals within 12 months",
        unit: "%",
        noun: "re-referrals within 12 months",
        titlePhrase: "re-referrals",
        higherIsBetter: false,
        before: [20, 28],
        after: [12, 18],
      },
    ],
    assets: [],
    unlisted: ["multi-agency referral form"],
    funding: ["Families First Partnership funding", "Revenue budget"],
  },
  {
    key: "family-hubs",
    serviceArea: "childrens-services",
    families: ["childrens", "crm", "data"],
    headline: "an Open Referral UK family hubs directory",
    weight: 1.5,
    cost: [15000, 120000],
    problems: [
      "Parents in {council} struggled to find local support, and practitioners kept their own lists of services that were often out of date.",
    ],
    approaches: [
      "We published a family hubs directory on {product} using Open Referral UK, so the same data feeds the council website, practitioners' tools and partner sites.",
    ],
    outcomes: ["Families find support without phoning, and providers keep their own entries up to date."],
    lessons: ["Use an open data standard so others can reuse the directory."],
    metrics: [
      {
        name: "Services listed in the directory",
        unit: "services",
        noun: "services listed",
        titlePhrase: "services listed",
        higherIsBetter: true,
        before: [120, 260],
        after: [480, 900],
      },
      {
        name: "Signposting calls a month",
        unit: "calls",
        noun: "monthly signposting calls",
        titlePhrase: "signposting calls",
        higherIsBetter: false,
        before: [600, 1200],
        after: [250, 520],
      },
    ],
    assets: [
      {
        title: "Open Referral UK directory feed",
        type: "code",
        repo: "family-hubs-directory",
        description: "Open Referral UK API and importer for the family hubs directory.",
      },
    ],
    unlisted: ["service directory"],
    funding: ["Family Hubs and Start for Life programme grant", "Revenue budget"],
  },
  // ───────────── education and SEND
  {
    key: "ehc-plans",
    serviceArea: "education-and-send",
    families: ["send", "childrens"],
    headline: "a digital EHC needs assessment process",
    weight: 2.5,
    cost: [30000, 350000],
    problems: [
      "Fewer than half of new EHC plans at {council} were issued within 20 weeks, and families told us they never knew what was happening.",
      "Advice from health, social care and schools arrived late and in different formats, so {council}'s SEND caseworkers spent weeks chasing before drafting a plan.",
    ],
    approaches: [
      "We moved EHC needs assessments onto {product}, with advice requests sent to all partners at once and a portal where families follow every stage.",
      "With {supplier} we mapped the 20-week process with families and professionals, then rebuilt it on {product} over {months} months.",
    ],
    outcomes: ["More plans are now issued on time, and families feel better informed."],
    lessons: ["Make deadlines visible to every contributor.", "Write plans with families, not just for them."],
    metrics: [
      {
        name: "New EHC plans issued within 20 weeks",
        unit: "%",
        noun: "the share of new plans issued within 20 weeks",
        titlePhrase: "plans issued on time",
        higherIsBetter: true,
        before: [25, 48],
        after: [62, 85],
      },
      {
        name: "Average weeks to issue an EHC plan",
        unit: "weeks",
        noun: "the average time to issue a plan",
        titlePhrase: "EHC plan timescales",
        higherIsBetter: false,
        before: [26, 38],
        after: [16, 21],
      },
    ],
    assets: [
      {
        title: "EHC needs assessment journey map",
        type: "service-design",
        repo: "ehc-assessment-journey",
        description: "The 20-week journey mapped with families and professionals.",
      },
    ],
    unlisted: ["SEND case management module"],
    funding: ["High Needs Block", "Revenue budget"],
  },
  {
    key: "school-transport",
    serviceArea: "education-and-send",
    families: ["send", "data"],
    headline: "smarter home-to-school transport",
    weight: 1.5,
    cost: [25000, 200000],
    problems: ["Home-to-school transport costs at {council} had grown faster than any other budget, and eligibility decisions took weeks."],
    approaches: [
      "We used {product} to assess eligibility automatically and plan shared routes, and offered personal travel budgets to families who preferred them.",
    ],
    outcomes: ["Decisions are faster and transport costs have stabilised."],
    lessons: ["Personal travel budgets work well for some families; offer, do not impose."],
    metrics: [
      {
        name: "Transport cost per pupil",
        unit: "£",
        noun: "the cost per pupil",
        titlePhrase: "transport cost per pupil",
        higherIsBetter: false,
        before: [4200, 7600],
        after: [3400, 4100],
      },
      {
        name: "Days to decide transport eligibility",
        unit: "days",
        noun: "the time to decide eligibility",
        titlePhrase: "eligibility decision times",
        higherIsBetter: false,
        before: [15, 30],
        after: [3, 7],
      },
    ],
    assets: [],
    unlisted: ["transport routing software"],
  },
  // ───────────── environmental health and licensing
  {
    key: "food-inspections",
    serviceArea: "environmental-health-and-licensing",
    families: ["environmental-health", "gis"],
    headline: "mobile food hygiene inspections",
    weight: 1.5,
    cost: [15000, 120000],
    problems: [
      "{council} had a backlog of overdue food hygiene inspections, and officers typed up notes from paper forms after every visit.",
    ],
    approaches: ["Officers now inspect with {product} on tablets, issue reports on the spot and plan their visits by risk."],
    outcomes: ["The backlog has been cleared and businesses receive reports the same day."],
    lessons: ["Make the mobile forms work offline; many kitchens have no signal."],
    metrics: [
      {
        name: "Overdue food hygiene inspections",
        unit: "inspections",
        noun: "overdue inspections",
        titlePhrase: "overdue inspections",
        higherIsBetter: false,
        before: [300, 800],
        after: [40, 160],
      },
      {
        name: "Inspection reports issued the same day",
        unit: "%",
        noun: "the share of reports issued the same day",
        titlePhrase: "same-day reports",
        higherIsBetter: true,
        before: [10, 30],
        after: [80, 95],
      },
    ],
    assets: [],
    unlisted: ["regulatory services system"],
  },
  {
    key: "taxi-licensing",
    serviceArea: "environmental-health-and-licensing",
    families: ["environmental-health", "payments", "crm"],
    headline: "online licensing",
    weight: 1,
    cost: [10000, 80000],
    problems: [
      "Taxi and premises licence applications at {council} were made on paper, and drivers waited weeks for licences while documents were checked.",
    ],
    approaches: ["We moved applications to {product}, with document upload, payment online and progress updates by text."],
    outcomes: ["Drivers get back on the road sooner."],
    lessons: ["Publish a checklist of documents before people start applying."],
    metrics: [
      {
        name: "Days to issue a taxi driver licence",
        unit: "days",
        noun: "the time to issue a driver licence",
        titlePhrase: "licence waiting times",
        higherIsBetter: false,
        before: [35, 60],
        after: [10, 20],
      },
    ],
    assets: [
      {
        title: "Licensing application forms",
        type: "code",
        repo: "licensing-forms",
        description: "Accessible online forms for taxi and premises licensing.",
      },
    ],
    unlisted: ["licensing forms"],
  },
  // ───────────── public health
  {
    key: "health-checks",
    serviceArea: "public-health",
    families: ["public-health", "data", "crm"],
    headline: "online booking and targeted invitations",
    weight: 1.5,
    cost: [20000, 180000],
    problems: ["Uptake of health checks in {council}'s most deprived wards was far below the average, and many appointments were missed."],
    approaches: ["We used {product} to offer online booking and text reminders, and targeted invitations at wards with the lowest uptake."],
    outcomes: ["The gap in uptake between the most and least deprived wards has narrowed."],
    lessons: ["Target invitations; universal campaigns reach those already engaged."],
    metrics: [
      {
        name: "Eligible people taking up a health check",
        unit: "%",
        noun: "uptake among eligible people",
        titlePhrase: "health check uptake",
        higherIsBetter: true,
        before: [30, 42],
        after: [48, 60],
      },
      {
        name: "Missed appointments",
        unit: "%",
        noun: "the share of missed appointments",
        titlePhrase: "missed appointments",
        higherIsBetter: false,
        before: [18, 28],
        after: [7, 12],
      },
    ],
    assets: [],
    unlisted: ["appointment booking tool"],
    funding: ["Public Health Grant"],
  },
  {
    key: "stop-smoking",
    serviceArea: "public-health",
    families: ["public-health", "data"],
    headline: "a redesigned stop smoking service",
    weight: 1,
    cost: [15000, 120000],
    problems: ["{council}'s stop smoking service relied on paper records, and we could not see which groups it was reaching."],
    approaches: ["We moved the service onto {product}, with digital support between sessions and data on who was using it."],
    outcomes: ["More people are quitting, including in groups we reached poorly before."],
    lessons: ["Offer support between sessions; that is when people relapse."],
    metrics: [
      {
        name: "Four-week quit rate",
        unit: "%",
        noun: "the four-week quit rate",
        titlePhrase: "quit rates",
        higherIsBetter: true,
        before: [40, 50],
        after: [55, 66],
      },
    ],
    assets: [],
    unlisted: ["stop smoking app"],
    funding: ["Public Health Grant", "Local stop smoking services and support grant"],
  },
];

export const THEME_BY_KEY: Record<string, Theme> = Object.fromEntries(THEMES.map((t) => [t.key, t]));

export const GENERIC_LESSONS = [
  "Agree how success will be measured before starting, and record the baseline.",
  "Put a product owner from the service in charge, not IT.",
  "Release in small steps and learn from each one.",
  "Budget for data cleansing; it always takes longer than expected.",
  "Keep councillors informed with short, regular updates.",
  "Share what you build; others will improve it and you benefit too.",
];

export const GENERIC_FUNDING = [
  "Revenue budget",
  "Invest-to-save reserve",
  "Digital transformation capital budget",
  "Shared with neighbouring councils",
  "Transformation reserve",
];

export const SUPPLIER_RESPONSES = [
  "Thank you to the team at {council} for working so openly with us. The results are theirs; we were glad to help.",
  "We enjoyed working with {council}'s service and IT teams. Several improvements they suggested are now in the product for every council.",
  "It was a pleasure to support {council}. We have since published the integration they helped us design so other councils can use it.",
  "We are proud of what {council} achieved. Their feedback during the rollout shaped our next release.",
];
