/*
 * Embedded full-text search engine comparison for Council Marketplace (ADR 0005).
 *
 * Compares MiniSearch, Orama (@orama/orama), FlexSearch and SQLite FTS5 (via better-sqlite3)
 * on the same seeded 50,000 product documents and the same fixed mix of 1,000 queries.
 *
 * NOT part of the app and NOT run in CI (its engine packages are not dependencies of main).
 * To run it, from a scratch directory outside the repository:
 *
 *   mkdir engine-comparison && cd engine-comparison
 *   echo '{"name":"engine-comparison","private":true,"type":"module"}' > package.json
 *   npm_config_nodedir=/usr npm install minisearch @orama/orama flexsearch better-sqlite3 tsx
 *   cp <repo>/bench/engine-comparison/compare.ts .
 *   node --expose-gc --import tsx compare.ts        # every configuration, 50,000 docs: ~11 min on an
 *                                                   # idle 2-core machine (Orama is capped, see DOCS_CAP)
 *   node --expose-gc --import tsx compare.ts --docs 10000 --only minisearch-recommended,fts5-vocab-fuzzy
 *   options: --docs N --queries N --only a,b --docs-for engine=N,... --queries-for engine=N,...
 *
 * (npm_config_nodedir=/usr lets better-sqlite3 compile against the system Node headers when no
 * prebuilt binary can be downloaded.) Each engine configuration runs in its own child process so
 * that build-time memory and latency are not disturbed by the other engines. Results are printed
 * as a Markdown table and written to ./results.json and ./results.md.
 *
 * Council names in the generated descriptions: contains data from mySociety's
 * "UK local authority names and codes" dataset (CC BY 4.0).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// ---------------------------------------------------------------------------------------------
// Seeded PRNG and helpers
// ---------------------------------------------------------------------------------------------
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
type Rng = () => number;
const pick = <T,>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
function sample<T>(r: Rng, xs: readonly T[], k: number): T[] {
  const copy = xs.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, Math.min(k, copy.length));
}
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const tokenize = (s: string) => s.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);

// ---------------------------------------------------------------------------------------------
// Document model and generator
// ---------------------------------------------------------------------------------------------
export interface Doc {
  n: number; // dense numeric index, used as the engine id everywhere
  id: string;
  name: string;
  summary: string;
  description: string;
  features: string[];
  category: string;
  supplierName: string;
  supplierSize: 'micro' | 'small' | 'medium' | 'large';
  framework: string;
  lot: string;
  dataLocation: 'UK' | 'EEA' | 'other';
  accreditations: string[];
  priceFrom: number;
  councilsUsing: number;
}

const ACCREDITATIONS = ['Cyber Essentials', 'Cyber Essentials Plus', 'ISO 27001'] as const;
const SIZES = ['micro', 'small', 'medium', 'large'] as const;

interface CategorySpec {
  name: string;
  cores: string[]; // product name cores
  topics: string[]; // phrases used in summaries / descriptions
  features: string[];
  lotKind: 'hosting' | 'software' | 'support';
}
const CATEGORIES: CategorySpec[] = [
  {
    name: 'Revenues and benefits', lotKind: 'software',
    cores: ['Revenues & Benefits', 'Council Tax', 'Business Rates', 'Benefits Assessment', 'Revenues Recovery', 'Council Tax Reduction'],
    topics: ['council tax billing', 'business rates', 'housing benefit', 'council tax reduction schemes', 'recovery and enforcement', 'discretionary housing payments', 'single person discount reviews', 'direct debit collection', 'revaluation', 'overpayment recovery'],
    features: ['Automated council tax billing', 'Business rates revaluation tools', 'Online benefit claims', 'Direct debit management', 'Recovery and enforcement workflow', 'Single person discount review', 'Real-time DWP data matching', 'Overpayment tracking', 'Self-service account for residents'],
  },
  {
    name: 'Housing management', lotKind: 'software',
    cores: ['Housing Management', 'Tenancy Management', 'Repairs Management', 'Homelessness Casework', 'Allocations and Lettings', 'Asset Management'],
    topics: ['tenancy management', 'responsive repairs', 'void property turnaround', 'choice-based lettings', 'homelessness casework', 'rent accounts and arrears', 'gas safety compliance', 'damp and mould reporting', 'stock condition surveys', 'leasehold service charges'],
    features: ['Responsive repairs scheduling', 'Rent arrears workflow', 'Choice-based lettings module', 'Damp and mould case tracking', 'Gas safety certificates', 'Void property tracking', 'Tenant self-service portal', 'Stock condition surveys', 'Homelessness prevention casework'],
  },
  {
    name: 'Planning', lotKind: 'software',
    cores: ['Planning Applications', 'Building Control', 'Land Charges', 'Planning Enforcement', 'Local Plan Consultation', 'Development Management'],
    topics: ['planning applications', 'building control inspections', 'local land charges', 'planning enforcement', 'local plan consultation', 'section 106 agreements', 'community infrastructure levy', 'application validation', 'planning appeals', 'tree preservation orders'],
    features: ['Online planning application validation', 'Consultee comments portal', 'Section 106 obligation tracking', 'Building control inspection app', 'Local land charges register', 'Enforcement case management', 'Public access planning register', 'Appeals tracking', 'CIL calculation'],
  },
  {
    name: 'Waste and recycling', lotKind: 'software',
    cores: ['Waste Management', 'Recycling Collections', 'Bin Collection Scheduling', 'Route Optimisation', 'Fleet and Waste', 'Garden Waste Subscriptions'],
    topics: ['bin collection rounds', 'route optimisation', 'missed bin reports', 'garden waste subscriptions', 'bulky waste bookings', 'fly-tipping reports', 'trade waste contracts', 'in-cab devices', 'recycling performance', 'fleet tracking'],
    features: ['In-cab crew app', 'Missed bin reporting', 'Garden waste subscription payments', 'Bulky waste booking', 'Fly-tipping case management', 'Route optimisation engine', 'Trade waste billing', 'Recycling tonnage dashboards', 'Vehicle tracking'],
  },
  {
    name: 'Customer relationship management', lotKind: 'software',
    cores: ['Customer Relationship Management', 'Contact Centre', 'Case Management', 'Omnichannel Engagement', 'Customer Service Hub', 'CRM'],
    topics: ['contact centre operations', 'case management', 'omnichannel engagement', 'webchat', 'service requests', 'single customer record', 'knowledge base articles', 'complaints handling', 'telephony integration', 'customer satisfaction surveys'],
    features: ['Single view of the customer', 'Webchat and chatbot', 'Case management workflow', 'Telephony integration', 'Complaints and compliments handling', 'Knowledge base', 'Service level tracking', 'Omnichannel inbox', 'Customer satisfaction surveys'],
  },
  {
    name: 'Adult social care', lotKind: 'software',
    cores: ['Adult Social Care', 'Care Assessments', 'Care Finance', 'Safeguarding Adults', 'Reablement Planning', 'Care Provider Payments'],
    topics: ['care needs assessments', 'care and support planning', 'financial assessments', 'safeguarding adults', 'Care Act compliance', 'provider payments', 'direct payments', 'reablement', 'carers assessments', 'hospital discharge'],
    features: ['Care Act assessments', 'Financial assessment calculator', 'Provider portal and payments', 'Direct payments management', 'Safeguarding case records', 'Reablement scheduling', 'Carers assessments', 'Hospital discharge tracking', 'Mobile working for social workers'],
  },
  {
    name: "Children's services", lotKind: 'software',
    cores: ["Children's Social Care", 'Early Help', 'SEND Casework', 'Education Health and Care Plans', 'Fostering and Adoption', 'School Admissions'],
    topics: ['early help assessments', 'education, health and care plans', 'special educational needs', 'child protection', 'looked after children', 'fostering and adoption', 'youth justice', 'school admissions', 'multi-agency safeguarding', 'care leavers'],
    features: ['Child protection case records', 'Education health and care plan workflow', 'SEND annual reviews', 'Early help assessments', 'Fostering panel management', 'School admissions portal', 'Multi-agency safeguarding hub', 'Care leavers pathway plans', 'Youth justice casework'],
  },
  {
    name: 'Document management (EDRMS)', lotKind: 'software',
    cores: ['Document Management', 'Records Management', 'Electronic Document and Records', 'Information Governance', 'Digital Mailroom', 'Content Services'],
    topics: ['records retention', 'document scanning', 'version control', 'freedom of information requests', 'subject access requests', 'metadata and classification', 'approval workflow', 'SharePoint integration', 'digital mailroom', 'secure disposal'],
    features: ['Retention schedules', 'Freedom of information request tracking', 'Subject access request redaction', 'Digital mailroom scanning', 'Version control and audit trail', 'SharePoint and Microsoft 365 integration', 'Metadata classification', 'Approval workflow', 'Secure disposal certificates'],
  },
  {
    name: 'GIS and mapping', lotKind: 'software',
    cores: ['GIS', 'Mapping', 'Street Gazetteer', 'Address Management', 'Spatial Analytics', 'Web Mapping'],
    topics: ['web mapping', 'local land and property gazetteer', 'street gazetteer', 'address data', 'spatial analysis', 'asset locations', 'UPRN matching', 'Ordnance Survey data', 'public rights of way', 'map-based reporting'],
    features: ['Web map viewer', 'LLPG and street gazetteer maintenance', 'UPRN address matching', 'Spatial analysis tools', 'Ordnance Survey MasterMap support', 'Public rights of way mapping', 'Map-based fault reporting', 'Asset location layers', 'Open data map publishing'],
  },
  {
    name: 'Cloud hosting', lotKind: 'hosting',
    cores: ['Cloud Hosting', 'Managed Hosting', 'Infrastructure as a Service', 'Kubernetes Platform', 'Backup and Recovery', 'Sovereign Cloud'],
    topics: ['managed infrastructure', 'virtual machines', 'backup and disaster recovery', 'Kubernetes clusters', 'UK data centres', 'Public Services Network connectivity', 'high availability', 'patching and monitoring', 'cost management', 'migration from on-premises'],
    features: ['UK sovereign data centres', 'Managed Kubernetes', 'Daily backups with 30-day retention', 'Disaster recovery failover', '24/7 monitoring and patching', 'PSN connectivity', 'Infrastructure as code', 'Cost reporting dashboards', 'Migration service'],
  },
  {
    name: 'Citizen portal', lotKind: 'software',
    cores: ['Citizen Portal', 'Resident Self-Service', 'Online Forms', 'Digital Front Door', 'My Council Account', 'Appointments and Bookings'],
    topics: ['online forms', 'resident accounts', 'online payments', 'GOV.UK Notify messages', 'appointment booking', 'accessible self-service', 'report it forms', 'permits and licences', 'integration with back-office systems', 'digital inclusion'],
    features: ['Drag-and-drop form builder', 'GOV.UK Pay integration', 'GOV.UK Notify integration', 'Resident account dashboard', 'Appointment booking', 'Report it forms with maps', 'Permits and licensing', 'WCAG 2.2 AA accessible templates', 'Back-office integration'],
  },
  {
    name: 'Finance and HR', lotKind: 'software',
    cores: ['Finance and HR', 'Payroll', 'Financial Management', 'Human Resources', 'Procure to Pay', 'Budget Planning'],
    topics: ['payroll', 'general ledger', 'purchase orders', 'accounts payable', 'accounts receivable', 'recruitment', 'absence management', 'pension returns', 'budget monitoring', 'year-end closedown'],
    features: ['Payroll with pension returns', 'General ledger and budgeting', 'Purchase to pay workflow', 'Accounts receivable', 'Recruitment and onboarding', 'Absence management', 'Employee self-service', 'Budget monitoring dashboards', 'Year-end closedown tools'],
  },
];

const NAME_SUFFIXES = ['Cloud', 'Online', 'Suite', 'Platform', '365', 'Hub', 'Connect', 'Pro', 'SaaS', 'Live', 'Essentials', 'Plus'];
const GENERIC_FEATURES = ['Single sign-on with Microsoft Entra ID', 'Role-based access control', 'Open API', 'Mobile app for field staff', 'Configurable dashboards', 'Audit logging', 'Data export to CSV', 'Two-factor authentication', 'Accessible to WCAG 2.2 AA', 'Automated reminders'];
const INTEGRATIONS = ['GOV.UK Pay', 'GOV.UK Notify', 'Microsoft 365', 'Esri ArcGIS', 'Salesforce', 'SAP', 'Oracle Fusion', 'Unit4', 'Civica Pay', 'Capita Pay360', 'Power BI', 'SharePoint'];
const GENERIC_SENTENCES = [
  'It is delivered as a multi-tenant software as a service with quarterly releases and no upgrade projects.',
  'Data is encrypted in transit and at rest, and hosted in UK data centres.',
  'Onboarding typically takes six to twelve weeks including data migration from legacy systems.',
  'Support is available from 8am to 6pm on working days with an optional out-of-hours service.',
  'The service is accessible, responsive and tested with assistive technologies.',
  'Open APIs allow integration with line-of-business systems and data warehouses.',
  'Reporting dashboards give managers real-time performance information.',
  'Pricing is per user per month with discounts for shared services between councils.',
  'Training is provided through e-learning modules, webinars and on-site workshops.',
  'Our implementation team has worked with local government for over fifteen years.',
];
const SYLL_A = ['Ar', 'Bel', 'Civ', 'Dal', 'El', 'Fen', 'Gran', 'Hal', 'Is', 'Jun', 'Kes', 'Lum', 'Mer', 'Nor', 'Or', 'Pen', 'Quan', 'Rav', 'Sol', 'Tor', 'Ul', 'Ver', 'Wes', 'Yar', 'Zen'];
const SYLL_B = ['ora', 'ix', 'ent', 'ara', 'ova', 'itas', 'on', 'ium', 'era', 'ello', 'ica', 'ant', 'ex', 'igo', 'ana'];
const SUPPLIER_A = ['Kestrel', 'Bluebell', 'Granite', 'Harbour', 'Juniper', 'Meridian', 'Northwind', 'Pennine', 'Riverside', 'Thames', 'Cairn', 'Dales', 'Fenland', 'Heather', 'Lakeland', 'Moorland', 'Oakwood', 'Severn', 'Tay', 'Wessex', 'Anglian', 'Brecon', 'Cotswold', 'Mersey'];
const SUPPLIER_B = ['Digital', 'Software', 'Systems', 'Data', 'Technology', 'Cloud', 'Solutions', 'Consulting', 'Labs', 'Analytics'];
const SUPPLIER_C = ['Ltd', 'Limited', 'plc', 'LLP', 'Group'];
const COUNCILS = (
  "Armagh City, Banbridge and Craigavon|Aberdeenshire|Aberdeen City|Adur|Argyll and Bute|" +
  "Isle of Anglesey|Amber Valley|Ards and North Down|Antrim and Newtownabbey|Angus|Arun|Ashford|" +
  "Ashfield|Babergh|Bassetlaw|Basildon|Basingstoke and Deane|Bath and North East Somerset|" +
  "Blackburn with Darwen|Bedford|Barking and Dagenham|Brent|Bexley|Belfast|Bridgend|Blaenau Gwent|" +
  "Birmingham|Blaby|Barnet|Brighton and Hove|Barnsley|Bolton|Bolsover|Boston|" +
  "Bournemouth, Christchurch and Poole|Blackpool|Braintree|Bracknell Forest|Bradford|Breckland|" +
  "Bromsgrove|Broadland|Broxtowe|Brentwood|Broxbourne|Bromley|City of Bristol|Buckinghamshire|Burnley|" +
  "Bury|Cambridge|Cambridgeshire|Cannock Chase|Castle Point|Canterbury|Caerphilly|Cumberland|" +
  "Central Bedfordshire|Causeway Coast and Glens|Ceredigion|Charnwood|Cheshire East|Chichester|" +
  "Chelmsford|Chorley|Cherwell|Chesterfield|Cheltenham|Cheshire West and Chester|Calderdale|" +
  "Clackmannanshire|Camden|Carmarthenshire|Colchester|Cornwall|Cotswold|Coventry|" +
  "Cambridgeshire and Peterborough|Cardiff|Crawley|Croydon|Conwy|Dacorum|Darlington|Dartford|Derbyshire|" +
  "Derbyshire Dales|Denbighshire|Derby|Devon|Dumfries and Galloway|Doncaster|Dundee City|Dover|" +
  "Derry City and Strabane|Dorset Council|Dudley|County Durham|Ealing|Eastbourne|Eastleigh|" +
  "East Ayrshire|East Cambridgeshire|East Devon|City of Edinburgh|East Dunbartonshire|East Hampshire|" +
  "East Hertfordshire|East Lindsey|Elmbridge|East Lothian|Eilean Siar|East Midlands CCA|Enfield|" +
  "Epping Forest|Epsom and Ewell|Erewash|East Renfrewshire|East Riding of Yorkshire|East Suffolk|Essex|" +
  "East Staffordshire|East Sussex|Exeter|Falkirk|Fareham|Fenland|Fife|Flintshire|Fermanagh and Omagh|" +
  "Forest of Dean|Fylde|Gateshead|Gedling|Greater London|Greater Lincolnshire CCA|Glasgow City|" +
  "Gloucester|Gloucestershire|Greater Manchester|Gosport|Gravesham|Greenwich|Guildford|Great Yarmouth|" +
  "Gwynedd|Havant|Halton|Hampshire|Harborough|Harlow|Hastings|Hart|Havering|Hackney|Herefordshire|" +
  "Hertsmere|High Peak|Hillingdon|Hinckley and Bosworth|Highland|Hammersmith and Fulham|Hounslow|" +
  "Horsham|Hartlepool|Hertfordshire|Harrow|Haringey|Huntingdonshire|Yorkshire and The Humber MCA|" +
  "Hyndburn|Isles of Scilly|Isle of Wight|Ipswich|Islington|Inverclyde|Kensington and Chelsea|Kent|" +
  "Kingston upon Hull|Kings Lynn and West Norfolk|Kirklees|Kingston upon Thames|Knowsley|Lancaster|" +
  "Lancashire|Lisburn and Castlereagh|Lambeth|Leicester|Liverpool City Region|Leeds|Leicestershire|" +
  "Lewes|Lewisham|City of Lincoln|Lichfield|Lincolnshire|Liverpool|City of London|Luton|Maidstone|" +
  "Maldon|Manchester|Mansfield|Malvern Hills|Middlesbrough|Mid Devon|Medway|Mid and East Antrim|Melton|" +
  "Milton Keynes|Midlothian|Mole Valley|Monmouthshire|Merton|Moray|Mid Sussex|Mid Suffolk|" +
  "Merthyr Tydfil|Mid Ulster|North Ayrshire|Northumberland|North Devon|Newark and Sherwood|" +
  "Newcastle-under-Lyme|North East|North East Derbyshire|North East Lincolnshire|Newcastle upon Tyne|" +
  "New Forest|Norfolk|Nottingham|North Hertfordshire|North Kesteven|North Lanarkshire|" +
  "North Lincolnshire|Newry, Mourne and Down |North Norfolk|North Northamptonshire|Norwich|" +
  "North Somerset|North of Tyne|Neath Port Talbot|Nottinghamshire|North Tyneside|Nuneaton and Bedworth|" +
  "North Warwickshire|North West Leicestershire|Newham|Newport|North Yorkshire|Oadby and Wigston|Oldham|" +
  "Orkney Islands|Oxfordshire|Oxford|Pembrokeshire|Pendle|Perth and Kinross|Plymouth|Portsmouth|Powys|" +
  "Preston|Peterborough|Redcar and Cleveland|Rochdale|Rhondda Cynon Taff|Redbridge|Reading|Redditch|" +
  "Reigate and Banstead|Renfrewshire|Ribble Valley|Richmond upon Thames|Rochford|Rother|Rossendale|" +
  "Rotherham|Rugby|Rushmoor|Runnymede|Rushcliffe|Rutland|St Albans|Sandwell|South Ayrshire|" +
  "South Cambridgeshire|The Scottish Borders|South Yorkshire Mayoral Combined Authority|" +
  "South Derbyshire|Sevenoaks|Suffolk|Sefton|South Gloucestershire|South Hams|Folkestone and Hythe|" +
  "Sheffield|St. Helens|South Holland|Shropshire|South Kesteven|Stockport|Salford|Slough|" +
  "South Lanarkshire|Somerset|Sunderland|South Norfolk|Solihull|Southend-on-Sea|South Oxfordshire|" +
  "Spelthorne|South Ribble|Surrey|South Staffordshire|Stafford|Stoke-on-Trent|Staffordshire Moorlands|" +
  "Stirling|Southampton|Sutton|Stroud|Stratford-on-Avon|Staffordshire|Stockton-on-Tees|Stevenage|" +
  "South Tyneside|Surrey Heath|Swansea|Swindon|Southwark|Swale|Tameside|Tandridge|Tamworth|Teignbridge|" +
  "Tendring|Test Valley|Tewkesbury|Telford and Wrekin|Thanet|Three Rivers|Thurrock|Torbay|Torfaen|" +
  "Tonbridge and Malling|Torridge|Trafford|Tunbridge Wells|Tees Valley|Tower Hamlets|Uttlesford|" +
  "Vale of White Horse|The Vale of Glamorgan|Waverley|Westmorland and Furness|Warwickshire|Watford|" +
  "Warwick|West Berkshire|West Devon|West Dunbartonshire|Wealden|West of England|Welwyn Hatfield|" +
  "Waltham Forest|Wigan|Wiltshire|Winchester|Wakefield|West Lancashire|West Lindsey|Walsall|" +
  "West Lothian|Wolverhampton|West Midlands|Wandsworth|Windsor and Maidenhead|West Northamptonshire|" +
  "Worcester|Woking|Wokingham|Worcestershire|Worthing|West Oxfordshire|Wirral|Warrington|Wrexham|" +
  "West Suffolk|Westminster|West Sussex|Wychavon|West Yorkshire|Wyre Forest|Wyre|" +
  "York and North Yorkshire|York|Shetland Islands"
).split('|');

export function generateDocs(count: number, seed = 20261123): Doc[] {
  const r = mulberry32(seed);
  // long tail of product-specific terms (module names, jargon): real catalogues have tens of
  // thousands of distinct terms, which is what makes fuzzy matching expensive
  const longTail = new Set<string>();
  const CONS = 'bcdfghjklmnprstvwxz', VOW = 'aeiouy';
  while (longTail.size < 15000) {
    let w = '';
    const len = int(r, 3, 5);
    for (let i = 0; i < len; i++) w += (i === 0 || r() < 0.85 ? pick(r, [...CONS]) : '') + pick(r, [...VOW]);
    if (r() < 0.4) w += pick(r, [...CONS]);
    longTail.add(w);
  }
  const tail = [...longTail];
  const tailWord = () => cap(tail[Math.floor(tail.length * r() ** 3)]);
  const brands: string[] = [];
  for (let i = 0; i < 400; i++) brands.push(pick(r, SYLL_A) + pick(r, SYLL_B) + (r() < 0.3 ? pick(r, SYLL_B) : ''));
  const suppliers: { name: string; size: Doc['supplierSize'] }[] = [];
  for (let i = 0; i < 1500; i++) {
    const size = r() < 0.2 ? 'micro' : r() < 0.45 ? 'small' : r() < 0.75 ? 'medium' : 'large';
    const name = r() < 0.4 ? `${pick(r, brands)} ${pick(r, SUPPLIER_B)} ${pick(r, SUPPLIER_C)}` : `${pick(r, SUPPLIER_A)} ${pick(r, SUPPLIER_B)} ${pick(r, SUPPLIER_C)}`;
    suppliers.push({ name, size });
  }
  const docs: Doc[] = [];
  for (let n = 0; n < count; n++) {
    const cat = pick(r, CATEGORIES);
    const sup = pick(r, suppliers);
    const brand = pick(r, brands);
    const core = pick(r, cat.cores);
    const style = r();
    const name = style < 0.4 ? `${brand} ${core} ${pick(r, NAME_SUFFIXES)}`
      : style < 0.7 ? `${core} ${pick(r, NAME_SUFFIXES)}`
        : `${sup.name.split(' ')[0]} ${core}${r() < 0.5 ? ' ' + pick(r, NAME_SUFFIXES) : ''}`;
    const [t1, t2, t3, t4, t5] = sample(r, cat.topics, 5);
    const audience = pick(r, ['district', 'county', 'unitary', 'metropolitan', 'London borough', 'Scottish', 'Welsh', 'parish and town']);
    const adj = pick(r, ['secure', 'modern', 'configurable', 'low-code', 'mobile-first', 'award-winning', 'accessible', 'proven', 'flexible']);
    const lc = core === 'CRM' || core === 'GIS' ? core : core.toLowerCase();
    const summaryTemplates = [
      () => `${core} software for ${audience} councils covering ${t1} and ${t2}.`,
      () => `Cloud-based ${lc} that helps ${audience} councils with ${t1} and ${t2}.`,
      () => `Manage ${t1} and ${t2} with a ${adj} ${lc} service.`,
      () => `A ${adj} platform for ${t1}, ${t2} and ${t3}.`,
      () => `${cap(t1)} and ${t2} for local authorities, delivered as software as a service.`,
      () => `${cap(adj)} ${lc} used by ${audience} authorities for ${t1}.`,
    ];
    const summary = pick(r, summaryTemplates)() +
      (r() < 0.5 ? ` ${pick(r, ['Hosted in the UK', 'Built for local government', 'Used by councils across the UK', 'Delivered as software as a service', 'Designed with frontline staff'])} with ${t3}.` : '');
    const councilsMentioned = sample(r, COUNCILS, int(r, 1, 3));
    const integrations = sample(r, INTEGRATIONS, 2);
    const descParts = [
      pick(r, [
        `${name} helps council teams manage ${t1}, ${t2} and ${t3} in one place.`,
        `With ${name}, officers handle ${t1}, ${t2} and ${t3} from a single system.`,
        `${name} brings ${t1}, ${t2} and ${t3} together for ${audience} councils.`,
      ]),
      pick(r, [
        `Staff can deal with ${t4} and ${t5} without re-keying data, and residents get clear updates by email and text message.`,
        `Automated workflows cover ${t4} and ${t5}, cutting manual work and phone calls.`,
        `Managers see ${t4} and ${t5} on live dashboards and can act before problems escalate.`,
      ]),
      `It integrates with ${integrations[0]} and ${integrations[1]}.`,
      pick(r, [`Councils using it include ${councilsMentioned.join(', ')}.`, `Customers include ${councilsMentioned.join(' and ')} councils.`, `Recent go-lives: ${councilsMentioned.join(', ')}.`]),
      ...sample(r, GENERIC_SENTENCES, 2),
      `Optional modules: ${tailWord()}, ${tailWord()} and ${tailWord()}.`,
    ];
    const description = descParts.join(' ');
    const features = [...sample(r, cat.features, 3), ...sample(r, GENERIC_FEATURES, 2)];
    const g15 = r() < 0.55;
    const lot = g15 ? (cat.lotKind === 'hosting' ? pick(r, ['1a', '1b']) : cat.lotKind === 'software' ? pick(r, ['2a', '2b']) : '3')
      : (cat.lotKind === 'hosting' ? '1' : cat.lotKind === 'software' ? '2' : '3');
    const accreditations: string[] = [];
    if (r() < 0.7) accreditations.push('Cyber Essentials');
    if (r() < 0.4) accreditations.push('Cyber Essentials Plus');
    if (r() < 0.45) accreditations.push('ISO 27001');
    docs.push({
      n, id: `p-${String(n + 1).padStart(6, '0')}`, name, summary, description, features,
      category: cat.name, supplierName: sup.name, supplierSize: sup.size,
      framework: g15 ? 'RM1557.15' : 'RM1557.14', lot,
      dataLocation: r() < 0.8 ? 'UK' : r() < 0.75 ? 'EEA' : 'other',
      accreditations,
      priceFrom: Math.round(Math.exp(3 + r() * 9)) , // ~£20 to ~£160k
      councilsUsing: Math.floor(Math.pow(r(), 3) * 300),
    });
  }
  return docs;
}

// ---------------------------------------------------------------------------------------------
// Query mix
// ---------------------------------------------------------------------------------------------
type Kind = 'one' | 'two' | 'typo' | 'prefix';
interface Filters { category?: string; supplierSize?: string; accreditation?: string }
interface SortSpec { field: 'priceFrom' | 'councilsUsing'; dir: 'asc' | 'desc' }
export interface Q {
  i: number;
  kind: Kind;
  text: string;
  typoKind?: 'deletion' | 'insertion' | 'substitution' | 'transposition';
  check?: string; // typo: the correctly spelled word; prefix: the prefix
  filters: Filters;
  sort?: SortSpec;
  page: number; // 1-based, 10 hits per page
}
const STOP = new Set(['and', 'the', 'for', 'with', 'of', 'to', 'in', 'a', 'an', 'on', 'by', 'or', 'as', 'at', 'is', 'it', 'its', 'our', 'your', 'one', 'get', 'can', 'from', 'into', 'over', 'all', 'across', 'be', 's', 'uk', 'gov', 'co']);
const ALPHA = 'abcdefghijklmnopqrstuvwxyz';
const HITS_PER_PAGE = 10;

function makeTypo(r: Rng, w: string, kind: NonNullable<Q['typoKind']>): string {
  // never touch the first letter (Meilisearch counts a first-letter typo as two)
  const p = int(r, 1, w.length - 1);
  switch (kind) {
    case 'deletion': return w.slice(0, p) + w.slice(p + 1);
    case 'insertion': return w.slice(0, p) + pick(r, ALPHA) + w.slice(p);
    case 'substitution': { let c = pick(r, ALPHA); while (c === w[p]) c = pick(r, ALPHA); return w.slice(0, p) + c + w.slice(p + 1); }
    case 'transposition': { const q = Math.min(p, w.length - 2); return w.slice(0, q) + w[q + 1] + w[q] + w.slice(q + 2); }
  }
}

// words people search for: the domain vocabulary (category names, topics, features, integrations)
// plus each product's own name (brand, supplier), never the template filler ("covering", "helps")
const DOMAIN_WORDS = new Set(tokenize([
  ...CATEGORIES.flatMap((c) => [c.name, ...c.cores, ...c.topics, ...c.features]),
  ...GENERIC_FEATURES, ...INTEGRATIONS, ...NAME_SUFFIXES,
].join(' ')));

export function generateQueries(docs: Doc[], count: number, vocab: Set<string>, seed = 42): Q[] {
  const r = mulberry32(seed);
  const kinds: Kind[] = ['one', 'two', 'typo', 'prefix'];
  const typoKinds = ['deletion', 'insertion', 'substitution', 'transposition'] as const;
  const out: Q[] = [];
  let typoCounter = 0;
  while (out.length < count) {
    const kind = kinds[out.length % 4];
    const d = docs[Math.floor(r() * docs.length)];
    // words come from one field of a real document, so the query has at least one true match
    const field = pick(r, [d.name, d.summary, pick(r, d.features)]);
    const nameWords = new Set(tokenize(d.name));
    const words = tokenize(field).filter((w) => (DOMAIN_WORDS.has(w) || nameWords.has(w)) && !STOP.has(w) && w.length >= 3 && !/^\d+$/.test(w));
    if (words.length === 0) continue;
    let text = '';
    let check: string | undefined;
    let typoKind: Q['typoKind'];
    if (kind === 'one') text = pick(r, words);
    else if (kind === 'two') {
      if (words.length < 2) continue;
      const j = int(r, 0, words.length - 2);
      text = `${words[j]} ${words[j + 1]}`;
    } else if (kind === 'typo') {
      const cands = words.filter((w) => w.length >= 5);
      if (!cands.length) continue;
      const w = pick(r, cands);
      typoKind = typoKinds[typoCounter % 4];
      let t = makeTypo(r, w, typoKind);
      let guard = 0;
      while (vocab.has(t) && guard++ < 10) t = makeTypo(r, w, typoKind);
      if (vocab.has(t)) continue;
      typoCounter++;
      check = w;
      const other = words.filter((x) => x !== w);
      text = other.length && r() < 0.3 ? `${pick(r, other)} ${t}` : t;
    } else {
      const cands = words.filter((w) => w.length >= 6);
      if (!cands.length) continue;
      const w = pick(r, cands);
      const pre = w.slice(0, int(r, 3, w.length - 2));
      check = pre;
      const other = words.filter((x) => x !== w);
      text = other.length && r() < 0.3 ? `${pick(r, other)} ${pre}` : pre;
    }
    const filters: Filters = {};
    const nFilters = int(r, 0, 3);
    for (const f of sample(r, ['category', 'supplierSize', 'accreditation'] as const, nFilters)) {
      if (f === 'category') filters.category = d.category;
      if (f === 'supplierSize') filters.supplierSize = d.supplierSize;
      if (f === 'accreditation' && d.accreditations.length) filters.accreditation = pick(r, d.accreditations);
    }
    let sort: SortSpec | undefined;
    let page = 1;
    if (kind === 'one' || kind === 'two') {
      if (r() < 0.25) sort = r() < 0.5 ? { field: 'priceFrom', dir: 'asc' } : { field: 'councilsUsing', dir: 'desc' };
      const pr = r();
      page = pr < 0.7 ? 1 : pr < 0.9 ? 2 : 3;
    }
    out.push({ i: out.length, kind, text, check, typoKind, filters, sort, page });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers: filter predicate, facets, sort
// ---------------------------------------------------------------------------------------------
const CAT_NAMES = CATEGORIES.map((c) => c.name);
export interface SearchOut {
  total: number;
  ids: number[]; // doc indexes (Doc.n) of the requested page
  facets: { category: Record<string, number>; supplierSize: Record<string, number> };
}
interface Ctx { docs: Doc[]; catIdx: Uint8Array; sizeIdx: Uint8Array; accMask: Uint8Array; price: Float64Array; councils: Float64Array }
function makeCtx(docs: Doc[]): Ctx {
  const catIdx = new Uint8Array(docs.length), sizeIdx = new Uint8Array(docs.length), accMask = new Uint8Array(docs.length);
  const price = new Float64Array(docs.length), councils = new Float64Array(docs.length);
  for (const d of docs) {
    catIdx[d.n] = CAT_NAMES.indexOf(d.category);
    sizeIdx[d.n] = SIZES.indexOf(d.supplierSize);
    accMask[d.n] = d.accreditations.reduce((m, a) => m | (1 << ACCREDITATIONS.indexOf(a as never)), 0);
    price[d.n] = d.priceFrom; councils[d.n] = d.councilsUsing;
  }
  return { docs, catIdx, sizeIdx, accMask, price, councils };
}
function predicate(ctx: Ctx, f: Filters): ((n: number) => boolean) | undefined {
  if (!f.category && !f.supplierSize && !f.accreditation) return undefined;
  const c = f.category ? CAT_NAMES.indexOf(f.category) : -1;
  const s = f.supplierSize ? SIZES.indexOf(f.supplierSize as never) : -1;
  const a = f.accreditation ? 1 << ACCREDITATIONS.indexOf(f.accreditation as never) : 0;
  return (n) => (c < 0 || ctx.catIdx[n] === c) && (s < 0 || ctx.sizeIdx[n] === s) && (a === 0 || (ctx.accMask[n] & a) !== 0);
}
/** facet counts over the full (filtered) result set + sort + page, for engines without native facets */
function finish(ctx: Ctx, q: Q, ranked: ArrayLike<number>): SearchOut {
  const cc = new Uint32Array(CAT_NAMES.length), sc = new Uint32Array(SIZES.length);
  for (let i = 0; i < ranked.length; i++) { cc[ctx.catIdx[ranked[i]]]++; sc[ctx.sizeIdx[ranked[i]]]++; }
  const facets = { category: {} as Record<string, number>, supplierSize: {} as Record<string, number> };
  cc.forEach((v, i) => { if (v) facets.category[CAT_NAMES[i]] = v; });
  sc.forEach((v, i) => { if (v) facets.supplierSize[SIZES[i]] = v; });
  const from = (q.page - 1) * HITS_PER_PAGE;
  let ids: number[];
  if (q.sort) {
    const key = q.sort.field === 'priceFrom' ? ctx.price : ctx.councils;
    const dir = q.sort.dir === 'asc' ? 1 : -1;
    // stable: ties keep relevance order
    const order = Array.from(ranked, (n, rank) => ({ n, rank }));
    order.sort((x, y) => (key[x.n] - key[y.n]) * dir || x.rank - y.rank);
    ids = order.slice(from, from + HITS_PER_PAGE).map((o) => o.n);
  } else {
    ids = Array.prototype.slice.call(ranked, from, from + HITS_PER_PAGE);
  }
  return { total: ranked.length, ids, facets };
}

const SYNONYMS: Record<string, string[]> = {
  nndr: ['business rates'],
  ehcp: ['education health and care'],
  edrms: ['document management', 'records management'],
};
const FIELD_BOOST = { name: 3, summary: 2, features: 1.5, description: 1 };
const ESC = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function markTerms(text: string, terms: string[]): string {
  if (!terms.length) return text;
  const re = new RegExp(`\\b(${terms.map(ESC).sort((a, b) => b.length - a.length).join('|')})`, 'gi');
  return text.replace(re, '<mark>$1</mark>');
}

// ---------------------------------------------------------------------------------------------
// Engine adapters
// ---------------------------------------------------------------------------------------------
interface Adapter {
  label: string;
  build(docs: Doc[]): Promise<void>;
  search(q: Q): Promise<SearchOut>;
  /** serialise, then restore into a fresh instance that replaces the current one */
  roundTrip?(): Promise<{ bytes: number; saveMs: number; loadMs: number; note: string }>;
  /** highlighted name of the first hit for q */
  highlight(q: Q): Promise<string>;
  /** total hits for the query expanded with synonyms (query expansion) */
  expand(term: string): Promise<number>;
  extra?(): Record<string, unknown>;
}

async function makeMiniSearch(ctx: Ctx, variant: string): Promise<Adapter> {
  const { default: MiniSearch } = await import('minisearch');
  type MS = InstanceType<typeof MiniSearch>;
  // vocabulary of indexed terms, collected through processTerm while indexing (MiniSearch has no
  // public "is this term indexed?" lookup); persisted next to the index in roundTrip()
  let vocab = new Set<string>();
  let sortedVocab: string[] = [];
  let collecting = false;
  const setVocab = (v: Set<string>) => { vocab = v; sortedVocab = [...v].sort(); };
  /** is t the beginning of an indexed term (i.e. a word still being typed)? binary search */
  const isPrefixOfIndexedTerm = (t: string) => {
    let lo = 0, hi = sortedVocab.length;
    while (lo < hi) { const mid = (lo + hi) >>> 1; if (sortedVocab[mid] < t) lo = mid + 1; else hi = mid; }
    return lo < sortedVocab.length && sortedVocab[lo].startsWith(t);
  };
  const options = {
    idField: 'n',
    fields: ['name', 'summary', 'features', 'description'],
    storeFields: ['category', 'supplierSize', 'accreditations', 'priceFrom', 'councilsUsing'],
    extractField: (doc: any, field: string) => (field === 'features' ? doc.features.join(' ') : doc[field]),
    processTerm: (term: string) => { const t = term.toLowerCase(); if (collecting) vocab.add(t); return t; },
  };
  // ---- search option sets measured -------------------------------------------------------
  const lastOnly = (_t: string, i: number, terms: string[]) => i === terms.length - 1;
  const searchSets: Record<string, Record<string, unknown>> = {
    // "naive": prefix + fuzzy 0.2 on every term, OR (MiniSearch default combinator)
    'minisearch-naive': { prefix: true, fuzzy: 0.2, boost: FIELD_BOOST },
    // the tuned configuration from the brief
    'minisearch-tuned': {
      boost: FIELD_BOOST, combineWith: 'AND', maxFuzzy: 2, prefix: lastOnly,
      fuzzy: (t: string) => (t.length > 4 ? 0.2 : false),
    },
    // tuned + Meilisearch-like typo budget so that a transposition (Levenshtein 2) is found:
    // 5–8 chars: up to 2 edits in Levenshtein terms ≈ 1 Damerau edit; 9+ chars: 2
    // recommended: typo budget only for words of 5+ letters that are neither an indexed term nor
    // (for the last, still-being-typed word) the beginning of one: a correctly spelled word needs
    // no fuzzy expansion, and expanding common words is what makes result sets and latency grow;
    // 2 Levenshtein edits so that a swap of two letters (one typo for Meilisearch) is found;
    // filters applied while scoring (boostDocument), not after
    'minisearch-recommended': {
      boost: FIELD_BOOST, combineWith: 'AND', maxFuzzy: 2, prefix: lastOnly,
      fuzzy: (t: string, i: number, terms: string[]) =>
        t.length >= 5 && !vocab.has(t) && !(i === terms.length - 1 && isPrefixOfIndexedTerm(t)) ? 2 : false,
    },
    // tuned, but filters applied while scoring (boostDocument returns 0 for excluded docs)
    'minisearch-tuned-prefilter': {
      boost: FIELD_BOOST, combineWith: 'AND', maxFuzzy: 2, prefix: lastOnly,
      fuzzy: (t: string) => (t.length > 4 ? 0.2 : false),
    },
  };
  const so = searchSets[variant];
  if (!so) throw new Error(`unknown variant ${variant}`);
  const prefilter = variant.endsWith('-prefilter') || variant === 'minisearch-recommended';
  let ms: MS;
  const run = (query: any, q?: Q) => {
    const pred = q ? predicate(ctx, q.filters) : undefined;
    const opts: Record<string, unknown> = { ...so };
    if (pred) {
      if (prefilter) opts.boostDocument = (id: number) => (pred(id) ? 1 : 0);
      else opts.filter = (res: any) => pred(res.id);
    }
    return ms.search(query, opts);
  };
  return {
    label: variant,
    async build(docs) {
      ms = new MiniSearch(options);
      collecting = true; ms.addAll(docs); collecting = false;
      setVocab(vocab);
    },
    async search(q) {
      const res = run(q.text, q);
      const ranked = new Uint32Array(res.length);
      for (let i = 0; i < res.length; i++) ranked[i] = res[i].id;
      return finish(ctx, q, ranked);
    },
    async roundTrip() {
      let t = performance.now();
      const json = JSON.stringify(ms);
      const vocabJson = JSON.stringify([...vocab]);
      const saveMs = performance.now() - t;
      t = performance.now();
      ms = MiniSearch.loadJSON(json, options);
      setVocab(new Set(JSON.parse(vocabJson)));
      const loadMs = performance.now() - t;
      return { bytes: Buffer.byteLength(json) + Buffer.byteLength(vocabJson), saveMs, loadMs, note: 'JSON.stringify(ms) / MiniSearch.loadJSON (+ vocabulary array)' };
    },
    async highlight(q) {
      const [hit] = run(q.text, q);
      if (!hit) return '(no hit)';
      // result.terms are the indexed terms actually matched (after prefix / fuzzy expansion)
      return markTerms(ctx.docs[hit.id].name, hit.terms);
    },
    async expand(term) {
      const alts = [term, ...(SYNONYMS[term] ?? [])];
      const res = run({ combineWith: 'OR', queries: alts.map((a) => ({ combineWith: 'AND', queries: [a] })) });
      return res.length;
    },
  };
}

async function makeOrama(ctx: Ctx, variant: string): Promise<Adapter> {
  const orama = await import('@orama/orama');
  const schema = {
    name: 'string', summary: 'string', features: 'string[]', description: 'string',
    category: 'enum', supplierSize: 'enum', accreditations: 'enum[]', priceFrom: 'number', councilsUsing: 'number',
  } as const;
  const tolerance = variant.startsWith('orama-tol2') ? 2 : 1;
  let db: any;
  const where = (f: Filters) => {
    const w: Record<string, unknown> = {};
    if (f.category) w.category = { eq: f.category };
    if (f.supplierSize) w.supplierSize = { eq: f.supplierSize };
    if (f.accreditation) w.accreditations = { containsAll: [f.accreditation] };
    return w;
  };
  const params = (text: string, f: Filters) => ({
    term: text, properties: ['name', 'summary', 'features', 'description'], boost: FIELD_BOOST,
    tolerance, threshold: 0, // threshold 0: every term must match (in one property)
    where: where(f),
  });
  return {
    label: variant,
    async build(docs) {
      db = orama.create({ schema });
      await orama.insertMultiple(db, docs.map((d) => ({
        id: String(d.n), name: d.name, summary: d.summary, features: d.features, description: d.description,
        category: d.category, supplierSize: d.supplierSize, accreditations: d.accreditations, priceFrom: d.priceFrom, councilsUsing: d.councilsUsing,
      })) as any, 1000);
    },
    async search(q) {
      const res: any = await orama.search(db, {
        ...params(q.text, q.filters),
        facets: { category: { limit: 50 }, supplierSize: { limit: 10 } },
        limit: HITS_PER_PAGE, offset: (q.page - 1) * HITS_PER_PAGE,
        ...(q.sort ? { sortBy: { property: q.sort.field, order: q.sort.dir === 'asc' ? 'ASC' : 'DESC' } } : {}),
      } as any);
      const facets = { category: {} as Record<string, number>, supplierSize: {} as Record<string, number> };
      for (const [k, v] of Object.entries(res.facets?.category?.values ?? {})) if (v) facets.category[k] = v as number;
      for (const [k, v] of Object.entries(res.facets?.supplierSize?.values ?? {})) if (v) facets.supplierSize[k] = v as number;
      return { total: res.count, ids: res.hits.map((h: any) => Number(h.id)), facets };
    },
    async roundTrip() {
      let t = performance.now();
      const json = JSON.stringify(await orama.save(db));
      const saveMs = performance.now() - t;
      t = performance.now();
      const db2 = orama.create({ schema });
      await orama.load(db2, JSON.parse(json));
      db = db2;
      const loadMs = performance.now() - t;
      return { bytes: Buffer.byteLength(json), saveMs, loadMs, note: 'JSON.stringify(save(db)) / load(create(), JSON.parse)' };
    },
    async highlight(q) {
      // the core package returns no match positions/terms; @orama/highlight (separate package)
      // re-tokenises the text with the query terms, so fuzzy-matched words are not marked
      const res: any = await orama.search(db, { ...params(q.text, q.filters), limit: 1 } as any);
      if (!res.hits.length) return '(no hit)';
      return markTerms(ctx.docs[Number(res.hits[0].id)].name, tokenize(q.text));
    },
    async expand(term) {
      // no boolean query syntax: one search per alternative, union of ids (limit = everything)
      const ids = new Set<string>();
      for (const a of [term, ...(SYNONYMS[term] ?? [])]) {
        const res: any = await orama.search(db, { ...params(a, {}), limit: ctx.docs.length } as any);
        for (const h of res.hits) ids.add(h.id);
      }
      return ids.size;
    },
  };
}

async function makeFlexSearch(ctx: Ctx, variant: string): Promise<Adapter> {
  const { Document, Charset } = (await import('flexsearch')) as any;
  const tokenizeMode = variant === 'flexsearch-tolerant' ? 'tolerant' : 'forward';
  // one combined text field (name first: FlexSearch scores by term position, so this is its
  // only "boost"); AND across terms is per field, so separate fields would lose cross-field matches
  const config = () => ({
    tokenize: tokenizeMode,
    encoder: Charset.LatinBalance,
    resolution: 9,
    document: { id: 'n', index: ['text'], tag: ['category', 'supplierSize', 'accreditations'] },
  });
  const toRecord = (d: Doc) => ({
    n: d.n, text: [d.name, d.summary, d.features.join('. '), d.description].join('. '),
    category: d.category, supplierSize: d.supplierSize, accreditations: d.accreditations,
  });
  let idx: any;
  const all = (text: string, f: Filters): number[] => {
    // FlexSearch 0.8.212 ORs several tag filters together (intersect_union), although the docs say
    // "intersection": so only the first filter goes to the engine as a tag, the others are applied here
    const tag: Record<string, string> = {};
    if (f.category) tag.category = f.category;
    else if (f.supplierSize) tag.supplierSize = f.supplierSize;
    else if (f.accreditation) tag.accreditations = f.accreditation;
    const res = idx.search({ query: text, limit: ctx.docs.length, ...(Object.keys(tag).length ? { tag } : {}) });
    const pred = Object.keys(tag).length && Object.keys(f).length > 1 ? predicate(ctx, f) : undefined;
    const out: number[] = [];
    for (const part of res) for (const id of part.result) if (!pred || pred(id)) out.push(id);
    return out;
  };
  return {
    label: variant,
    async build(docs) { idx = new Document(config()); for (const d of docs) idx.add(toRecord(d)); },
    async search(q) { return finish(ctx, q, all(q.text, q.filters)); },
    async roundTrip() {
      const chunks = new Map<string, string>();
      let t = performance.now();
      await idx.export((key: string, data: string) => { chunks.set(key, data); });
      const saveMs = performance.now() - t;
      let bytes = 0;
      for (const v of chunks.values()) bytes += Buffer.byteLength(v ?? '');
      t = performance.now();
      const idx2 = new Document(config());
      for (const [k, v] of chunks) await idx2.import(k, v);
      idx = idx2;
      const loadMs = performance.now() - t;
      return { bytes, saveMs, loadMs, note: `export()/import() in ${chunks.size} chunks` };
    },
    async highlight(q) {
      // native highlighting needs the document store (store: true) on the index: demo on 2,000 docs
      const small = new Document({ ...config(), document: { ...config().document, store: true } });
      const pred = predicate(ctx, q.filters);
      for (const d of ctx.docs) { if (d.n >= 2000) break; if (!pred || pred(d.n)) small.add(toRecord(d)); }
      const res = small.search({ query: q.text, limit: 1, enrich: true, highlight: { template: '<mark>$1</mark>', boundary: 90 } });
      return res[0]?.result[0]?.highlight ?? '(no hit in the 2,000-doc demo index)';
    },
    async expand(term) {
      const ids = new Set<number>();
      for (const a of [term, ...(SYNONYMS[term] ?? [])]) for (const id of all(a, {})) ids.add(id);
      return ids.size;
    },
  };
}

async function makeFts5(ctx: Ctx, variant: string): Promise<Adapter> {
  const { default: Database } = await import('better-sqlite3');
  const file = path.join(os.tmpdir(), `engine-comparison-${process.pid}.db`);
  const removeFiles = () => { for (const ext of ['', '-wal', '-shm']) fs.rmSync(file + ext, { force: true }); };
  removeFiles();
  process.on('exit', () => { try { db?.close(); } catch { /* already closed */ } removeFiles(); });
  let db: any;
  const fuzzy = variant === 'fts5-vocab-fuzzy';
  let vocab: Set<string> = new Set();
  let vocabByLen: string[][] = [];
  const stmtCache = new Map<string, { facets: any; page: any }>();
  const open = () => {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('cache_size = -65536'); // 64 MB page cache
    stmtCache.clear();
  };
  const loadVocab = () => {
    vocab = new Set(db.prepare("SELECT term FROM products_vocab").pluck().all());
    vocabByLen = [];
    for (const t of vocab) (vocabByLen[t.length] ??= []).push(t);
  };
  // optimal string alignment distance (transposition = 1, as Meilisearch), bounded
  const osa = (a: string, b: string, max: number) => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    const d: number[][] = [];
    for (let i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (let j = 0; j <= b.length; j++) d[0][j] = j;
    for (let i = 1; i <= a.length; i++) {
      let rowMin = Infinity;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        let v = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2][j - 2] + 1);
        d[i][j] = v; if (v < rowMin) rowMin = v;
      }
      if (rowMin > max) return max + 1;
    }
    return d[a.length][b.length];
  };
  const quote = (t: string) => `"${t.replace(/"/g, '""')}"`;
  const toMatch = (text: string): string | null => {
    const terms = tokenize(text);
    if (!terms.length) return null;
    return terms.map((t, i) => {
      const last = i === terms.length - 1;
      const alts = [last ? `${quote(t)}*` : quote(t)];
      if (fuzzy && t.length >= 5 && !vocab.has(t)) {
        // spelling correction from the index vocabulary (fts5vocab), Meilisearch-like budget
        const max = t.length >= 9 ? 2 : 1;
        for (let len = t.length - max; len <= t.length + max; len++) {
          for (const v of vocabByLen[len] ?? []) if (v[0] === t[0] && osa(t, v, max) <= max) alts.push(quote(v));
        }
      }
      return alts.length === 1 ? alts[0] : `(${alts.join(' OR ')})`;
    }).join(' AND ');
  };
  const stmts = (f: Filters, sort?: SortSpec) => {
    const key = `${!!f.category}${!!f.supplierSize}${!!f.accreditation}${sort ? sort.field + sort.dir : ''}`;
    let s = stmtCache.get(key);
    if (!s) {
      const conds = ['products_fts MATCH @match'];
      if (f.category) conds.push('p.category = @category');
      if (f.supplierSize) conds.push('p.supplierSize = @supplierSize');
      if (f.accreditation) conds.push('(p.accMask & @acc) != 0');
      const from = `FROM products_fts JOIN products p ON p.rowid = products_fts.rowid WHERE ${conds.join(' AND ')}`;
      const order = sort ? `p.${sort.field} ${sort.dir.toUpperCase()}, bm25(products_fts, 3, 2, 1.5, 1)` : 'bm25(products_fts, 3, 2, 1.5, 1)';
      s = {
        facets: db.prepare(`SELECT p.category AS c, p.supplierSize AS s, count(*) AS k ${from} GROUP BY 1, 2`),
        page: db.prepare(`SELECT p.rowid - 1 AS n ${from} ORDER BY ${order} LIMIT @limit OFFSET @offset`),
      };
      stmtCache.set(key, s);
    }
    return s;
  };
  const bind = (match: string, f: Filters) => ({
    match,
    ...(f.category ? { category: f.category } : {}),
    ...(f.supplierSize ? { supplierSize: f.supplierSize } : {}),
    ...(f.accreditation ? { acc: 1 << ACCREDITATIONS.indexOf(f.accreditation as never) } : {}),
  });
  return {
    label: variant,
    async build(docs) {
      open();
      db.exec(`
        CREATE TABLE products(rowid INTEGER PRIMARY KEY, id TEXT, name TEXT, summary TEXT, features TEXT, description TEXT,
          category TEXT, supplierSize TEXT, accMask INTEGER, priceFrom REAL, councilsUsing INTEGER);
        CREATE VIRTUAL TABLE products_fts USING fts5(name, summary, features, description,
          content='products', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3 4');
        CREATE VIRTUAL TABLE products_vocab USING fts5vocab(products_fts, 'row');`);
      const ins = db.prepare('INSERT INTO products VALUES (?,?,?,?,?,?,?,?,?,?,?)');
      db.transaction(() => {
        for (const d of docs) ins.run(d.n + 1, d.id, d.name, d.summary, d.features.join('\n'), d.description, d.category, d.supplierSize, ctx.accMask[d.n], d.priceFrom, d.councilsUsing);
      })();
      db.exec("INSERT INTO products_fts(products_fts) VALUES('rebuild'); INSERT INTO products_fts(products_fts) VALUES('optimize');");
      db.pragma('wal_checkpoint(TRUNCATE)');
      if (fuzzy) loadVocab();
    },
    async search(q) {
      const match = toMatch(q.text);
      const out: SearchOut = { total: 0, ids: [], facets: { category: {}, supplierSize: {} } };
      if (!match) return out;
      const s = stmts(q.filters, q.sort);
      const b = bind(match, q.filters);
      for (const row of s.facets.all(b)) {
        out.total += row.k;
        out.facets.category[row.c] = (out.facets.category[row.c] ?? 0) + row.k;
        out.facets.supplierSize[row.s] = (out.facets.supplierSize[row.s] ?? 0) + row.k;
      }
      if (out.total) out.ids = s.page.pluck().all({ ...b, limit: HITS_PER_PAGE, offset: (q.page - 1) * HITS_PER_PAGE });
      return out;
    },
    async roundTrip() {
      const bytes = fs.statSync(file).size;
      db.close();
      const t = performance.now();
      open();
      if (fuzzy) loadVocab();
      const loadMs = performance.now() - t;
      return { bytes, saveMs: 0, loadMs, note: 'database file is the index: close + reopen' + (fuzzy ? ' + load fts5vocab' : '') };
    },
    async highlight(q) {
      const match = toMatch(q.text);
      const row = db.prepare(`SELECT highlight(products_fts, 0, '<mark>', '</mark>') AS h FROM products_fts WHERE products_fts MATCH ? ORDER BY bm25(products_fts, 3, 2, 1.5, 1) LIMIT 1`).get(match);
      return row?.h ?? '(no hit)';
    },
    async expand(term) {
      const alts = [term, ...(SYNONYMS[term] ?? [])].map((a) => `(${tokenize(a).map(quote).join(' AND ')})`);
      return db.prepare('SELECT count(*) FROM products_fts WHERE products_fts MATCH ?').pluck().get(alts.join(' OR '));
    },
    extra() { return { dbFileBytes: fs.existsSync(file) ? fs.statSync(file).size : 0 }; },
  };
}

const ENGINES: Record<string, (ctx: Ctx, v: string) => Promise<Adapter>> = {
  'minisearch-naive': makeMiniSearch,
  'minisearch-tuned': makeMiniSearch,
  'minisearch-tuned-prefilter': makeMiniSearch,
  'minisearch-recommended': makeMiniSearch,
  'orama-tol1': makeOrama,
  'orama-tol1-50k': makeOrama,
  'orama-tol2': makeOrama,
  'flexsearch-forward': makeFlexSearch,
  'flexsearch-tolerant': makeFlexSearch,
  fts5: makeFts5,
  'fts5-vocab-fuzzy': makeFts5,
};

// ---------------------------------------------------------------------------------------------
// Child: measure one engine configuration
// ---------------------------------------------------------------------------------------------
const gc = () => { const g = (globalThis as any).gc; if (g) { g(); g(); } };
const mem = () => { gc(); const m = process.memoryUsage(); return { heap: m.heapUsed, rss: m.rss, ext: m.external + m.arrayBuffers }; };
/** machine-wide CPU jiffies, to report how busy the machine was with other work during a measurement */
function procStat(): { idle: number; total: number } | null {
  try {
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  } catch { return null; }
}
/** CPU time of this process in ms (user + system, µs precision; includes V8's GC helper threads) */
function processCpuMs(): number {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
}
/** starts a probe; calling it returns the average number of cores busy with OTHER processes since */
function otherLoadProbe() {
  const s0 = procStat(), c0 = process.cpuUsage(), t0 = performance.now();
  return () => {
    const s1 = procStat();
    if (!s0 || !s1 || s1.total === s0.total) return NaN;
    const busyCores = (1 - (s1.idle - s0.idle) / (s1.total - s0.total)) * os.cpus().length;
    const c = process.cpuUsage(c0);
    const ownCores = (c.user + c.system) / 1000 / (performance.now() - t0);
    return Math.max(0, busyCores - ownCores);
  };
}
const pct = (xs: number[], p: number) => { const s = xs.slice().sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

async function runChild(engine: string, nDocs: number, nQueries: number) {
  const docs = generateDocs(nDocs);
  const docTokens = docs.map((d) => new Set(tokenize([d.name, d.summary, d.features.join(' '), d.description].join(' '))));
  const vocab = new Set<string>();
  for (const s of docTokens) for (const t of s) vocab.add(t);
  const queries = generateQueries(docs, nQueries, vocab);
  const ctx = makeCtx(docs);
  const adapter = await ENGINES[engine](ctx, engine);
  const m0 = mem();
  let t = performance.now();
  const buildCpu0 = process.cpuUsage();
  const buildLoad = otherLoadProbe();
  await adapter.build(docs);
  const buildMs = performance.now() - t;
  const buildCpuMs = ((c) => (c.user + c.system) / 1000)(process.cpuUsage(buildCpu0));
  const buildOtherLoad = buildLoad();
  const m1 = mem();

  // warm-up on the first 100 queries (fewer for short runs), then one timed pass over the whole mix
  for (const q of queries.slice(0, Math.min(100, Math.ceil(queries.length / 10)))) await adapter.search(q);
  // wall-clock latency, and CPU time of this process per query: the CPU figure does not grow when
  // other processes compete for the 2 cores (but it counts V8's parallel GC threads, so it can
  // exceed wall time)
  const lat: number[] = [], cpu: number[] = [];
  const latByKind: Record<string, number[]> = { one: [], two: [], typo: [], prefix: [] };
  const cpuByKind: Record<string, number[]> = { one: [], two: [], typo: [], prefix: [] };
  const outs: SearchOut[] = [];
  const queryLoad = otherLoadProbe();
  for (const q of queries) {
    const c0 = processCpuMs();
    const t0 = process.hrtime.bigint();
    const out = await adapter.search(q);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cms = processCpuMs() - c0;
    lat.push(ms); latByKind[q.kind].push(ms); cpu.push(cms); cpuByKind[q.kind].push(cms); outs.push(out);
  }
  const queryOtherLoad = queryLoad();
  const slowest = queries.map((q) => ({ q, ms: lat[q.i], cpu: cpu[q.i], total: outs[q.i].total }))
    .sort((a, b) => b.cpu - a.cpu).slice(0, 8)
    .map((x) => `${x.cpu.toFixed(1)} ms cpu / ${x.ms.toFixed(1)} ms wall, ${x.total} hits: ${x.q.kind} "${x.q.text}" ${JSON.stringify(x.q.filters)}${x.q.sort ? ' sorted' : ''}`);
  const bySize: Record<string, number[]> = {};
  for (const q of queries) {
    const n = outs[q.i].total;
    const b = n < 1000 ? '<1k' : n < 10000 ? '1k-10k' : n < 25000 ? '10k-25k' : '>=25k';
    (bySize[b] ??= []).push(cpu[q.i]);
  }
  // quality checks on the same outputs
  const pred = (q: Q) => predicate(ctx, q.filters);
  let typoHit = 0, typoN = 0, prefixHit = 0, prefixN = 0, zero = 0, facetMismatch = 0, filterViolations = 0;
  const typoByKind: Record<string, [number, number]> = {};
  for (const q of queries) {
    const out = outs[q.i];
    if (out.total === 0) zero++;
    const sumCat = Object.values(out.facets.category).reduce((a, b) => a + b, 0);
    const sumSize = Object.values(out.facets.supplierSize).reduce((a, b) => a + b, 0);
    if (sumCat !== out.total || sumSize !== out.total) facetMismatch++;
    const p = pred(q);
    for (const n of out.ids) if (p && !p(n)) filterViolations++;
    if (q.kind === 'typo') {
      typoN++;
      const ok = out.ids.slice(0, 10).some((n) => docTokens[n].has(q.check!));
      if (ok) typoHit++;
      const e = (typoByKind[q.typoKind!] ??= [0, 0]); e[1]++; if (ok) e[0]++;
    }
    if (q.kind === 'prefix') {
      prefixN++;
      if (out.ids.slice(0, 10).some((n) => [...docTokens[n]].some((tok) => tok.startsWith(q.check!)))) prefixHit++;
    }
  }
  // serialisation / cold start
  let serial: any = null;
  if (adapter.roundTrip) {
    gc();
    const rt = await adapter.roundTrip();
    const probe = queries[0];
    const t0 = performance.now();
    const after = await adapter.search(probe);
    const firstQueryMs = performance.now() - t0;
    serial = { ...rt, firstQueryMs, sameTotal: after.total === outs[0].total };
  }
  // feature demos
  const highlight: Record<string, string> = {};
  for (const text of ['revnues benef', 'revenues benef']) highlight[text] = await adapter.highlight({ i: -1, kind: 'typo', text, filters: {}, page: 1 });
  const synonyms: Record<string, { plain: number; expanded: number }> = {};
  for (const term of Object.keys(SYNONYMS)) {
    const plain = (await adapter.search({ i: -1, kind: 'one', text: term, filters: {}, page: 1 })).total;
    synonyms[term] = { plain, expanded: await adapter.expand(term) };
  }
  const sortProbe = await adapter.search({ i: -1, kind: 'one', text: 'housing', filters: { supplierSize: 'small' }, sort: { field: 'priceFrom', dir: 'asc' }, page: 3 });
  const sortedOk = sortProbe.ids.every((n, i, a) => i === 0 || docs[a[i - 1]].priceFrom <= docs[n].priceFrom) && sortProbe.ids.length === 10;

  const result = {
    engine, nDocs, nQueries,
    buildMs, buildCpuMs, buildOtherLoad, queryOtherLoad,
    heapDeltaMB: (m1.heap - m0.heap) / 2 ** 20,
    rssDeltaMB: (m1.rss - m0.rss) / 2 ** 20,
    externalDeltaMB: (m1.ext - m0.ext) / 2 ** 20,
    p50: pct(lat, 50), p95: pct(lat, 95), p99: pct(lat, 99), max: Math.max(...lat), mean: lat.reduce((a, b) => a + b, 0) / lat.length,
    cpuP50: pct(cpu, 50), cpuP95: pct(cpu, 95), cpuP99: pct(cpu, 99),
    cpuP95ByKind: Object.fromEntries(Object.entries(cpuByKind).map(([k, v]) => [k, pct(v, 95)])),
    cpuBySize: Object.fromEntries(Object.entries(bySize).map(([k, v]) => [k, { n: v.length, p50: pct(v, 50), p95: pct(v, 95) }])),
    slowest,
    p95ByKind: Object.fromEntries(Object.entries(latByKind).map(([k, v]) => [k, pct(v, 95)])),
    p50ByKind: Object.fromEntries(Object.entries(latByKind).map(([k, v]) => [k, pct(v, 50)])),
    typoRecall: typoHit / typoN, typoN, typoByKind,
    prefixRecall: prefixHit / prefixN, prefixN,
    zeroResultQueries: zero, facetMismatch, filterViolations,
    serial, highlight, synonyms, sortedOk,
    extra: adapter.extra?.() ?? {},
  };
  process.stdout.write('\n@@RESULT@@' + JSON.stringify(result) + '\n');
}

// ---------------------------------------------------------------------------------------------
// Parent: run every configuration in its own process and print the table
// ---------------------------------------------------------------------------------------------
const DEFAULT_ORDER = Object.keys(ENGINES);
// Orama is too slow for the full mix at 50,000 docs on 2 cores: full mix at 10,000 docs, plus a
// 40-query sample at 50,000 docs for build time / memory / indicative latency
const DOCS_CAP: Record<string, number> = { 'orama-tol1': 10000, 'orama-tol2': 10000 };
const QUERIES_CAP: Record<string, number> = { 'orama-tol1-50k': 40, 'orama-tol2': 300 };
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const child = arg('child');
  const nDocs = Number(arg('docs') ?? 50000);
  const nQueries = Number(arg('queries') ?? 1000);
  if (child) return runChild(child, nDocs, nQueries);

  const only = arg('only')?.split(',') ?? DEFAULT_ORDER;
  // per-engine doc-count override, e.g. --docs-for orama-tol2=10000
  const docsFor = Object.fromEntries((arg('docs-for') ?? '').split(',').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  const self = fileURLToPath(import.meta.url);
  const execArgv = process.execArgv.includes('--expose-gc') ? process.execArgv : ['--expose-gc', ...process.execArgv];

  // describe the data set once
  {
    const docs = generateDocs(nDocs);
    const vocab = new Set<string>();
    for (const d of docs) for (const t of tokenize([d.name, d.summary, d.features.join(' '), d.description].join(' '))) vocab.add(t);
    const words = docs.reduce((a, d) => a + tokenize(d.description).length, 0) / docs.length;
    const qs = generateQueries(docs, nQueries, vocab);
    console.log(`docs=${nDocs} vocabulary=${vocab.size} terms, description ≈ ${words.toFixed(0)} words; queries=${qs.length}`);
    console.log('sample doc:', JSON.stringify(docs[0], null, 1).slice(0, 1500));
    console.log('sample queries:', qs.slice(0, 16).map((q) => `${q.kind}:"${q.text}"${Object.keys(q.filters).length ? ' ' + JSON.stringify(q.filters) : ''}${q.sort ? ` sort=${q.sort.field}:${q.sort.dir}` : ''} p${q.page}`).join('\n  '));
    const nf = [0, 0, 0, 0];
    for (const q of qs) nf[Object.keys(q.filters).length]++;
    console.log('filters per query (0..3):', nf.join(' / '));
  }

  const queriesFor = Object.fromEntries((arg('queries-for') ?? '').split(',').filter(Boolean).map((kv) => kv.split('=')).map(([k, v]) => [k, Number(v)]));
  const results: any[] = [];
  for (const engine of only) {
    const n = docsFor[engine] ?? Math.min(nDocs, DOCS_CAP[engine] ?? Infinity);
    const nq = queriesFor[engine] ?? Math.min(nQueries, QUERIES_CAP[engine] ?? Infinity);
    // this machine is shared: wait (up to 30 s) for other processes to go quiet before each engine
    let other = NaN;
    for (let waited = 0; waited <= 30; waited += 3) {
      const probe = otherLoadProbe();
      await new Promise((res) => setTimeout(res, 3000));
      other = probe();
      if (!(other > 0.3)) break;
    }
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [...execArgv, self, '--child', engine, '--docs', String(n), '--queries', String(nq)], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, timeout: 15 * 60 * 1000 });
    const line = (r.stdout ?? '').split('\n').find((l) => l.startsWith('@@RESULT@@'));
    if (!line) { console.error(`${engine} failed`, r.status, r.signal, (r.stderr ?? '').slice(-3000)); continue; }
    const res = JSON.parse(line.slice('@@RESULT@@'.length));
    res.wallS = (performance.now() - t0) / 1000;
    res.otherLoadBefore = other;
    results.push(res);
    console.log(`${engine} (${n} docs, ${nq} queries): build ${(res.buildMs / 1000).toFixed(2)} s; CPU p50 ${res.cpuP50.toFixed(2)} / p95 ${res.cpuP95.toFixed(2)} / p99 ${res.cpuP99.toFixed(2)} ms; wall p50 ${res.p50.toFixed(2)} / p95 ${res.p95.toFixed(2)} / p99 ${res.p99.toFixed(2)} ms; typo ${(res.typoRecall * 100).toFixed(0)}%; other load ${res.queryOtherLoad.toFixed(2)} cores; ${res.wallS.toFixed(0)} s`);
    console.log('  slowest: ' + res.slowest.slice(0, 4).join('\n           '));
  }
  fs.writeFileSync('results.json', JSON.stringify(results, null, 2));
  const f1 = (x: number) => x.toFixed(1), f2 = (x: number) => x.toFixed(2), pc = (x: number) => `${(x * 100).toFixed(0)}%`;
  const rows = [
    '| engine / config | docs / queries | build s | heap Δ MB | RSS Δ MB | CPU p50 / p95 / p99 ms | wall p50 / p95 / p99 ms | other load (cores) | typo recall | prefix recall | zero-hit queries | serialised MB | load ms | 1st query after load ms |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.engine} | ${r.nDocs} / ${r.nQueries} | ${f1(r.buildMs / 1000)} | ${r.heapDeltaMB.toFixed(0)} | ${r.rssDeltaMB.toFixed(0)} | ${f1(r.cpuP50)} / ${f1(r.cpuP95)} / ${f1(r.cpuP99)} | ${f1(r.p50)} / ${f1(r.p95)} / ${f1(r.p99)} | ${f2(r.queryOtherLoad)} | ${pc(r.typoRecall)} | ${pc(r.prefixRecall)} | ${r.zeroResultQueries} | ${r.serial ? f1(r.serial.bytes / 2 ** 20) : '-'} | ${r.serial ? r.serial.loadMs.toFixed(0) : '-'} | ${r.serial ? f1(r.serial.firstQueryMs) : '-'} |`),
  ];
  const sizeRows = [
    '| engine / config | CPU p95 one / two / typo / prefix ms | CPU p50/p95 by hit count: <1k | 1k-10k | 10k-25k | >=25k |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.engine} | ${['one', 'two', 'typo', 'prefix'].map((k) => f1(r.cpuP95ByKind[k])).join(' / ')} | ${['<1k', '1k-10k', '10k-25k', '>=25k'].map((b) => r.cpuBySize[b] ? `${f1(r.cpuBySize[b].p50)}/${f1(r.cpuBySize[b].p95)} (n=${r.cpuBySize[b].n})` : '-').join(' | ')} |`),
  ];
  const kindRows = [
    '| engine / config | typo found: deletion | insertion | substitution | transposition | facet sums = total | filter violations | sort+page ok |',
    '|---|---|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.engine} | ${['deletion', 'insertion', 'substitution', 'transposition'].map((k) => r.typoByKind[k] ? `${r.typoByKind[k][0]}/${r.typoByKind[k][1]}` : '-').join(' | ')} | ${r.facetMismatch === 0 ? 'yes' : `no (${r.facetMismatch})`} | ${r.filterViolations} | ${r.sortedOk ? 'yes' : 'no'} |`),
  ];
  const demoRows = results.map((r) => `- ${r.engine}: highlight ${Object.entries(r.highlight).map(([k, v]) => `"${k}" → ${v}`).join(' / ')}; synonyms (plain → expanded): ${Object.entries(r.synonyms).map(([k, v]: any) => `${k} ${v.plain}→${v.expanded}`).join(', ')}`);
  const md = [`Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model}`, '', ...rows, '', ...sizeRows, '', ...kindRows, '', ...demoRows, '', ...results.map((r) => `- ${r.engine} serialisation: ${r.serial?.note}; save ${r.serial?.saveMs.toFixed(0)} ms`)].join('\n');
  fs.writeFileSync('results.md', md + '\n');
  console.log('\n' + md);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
