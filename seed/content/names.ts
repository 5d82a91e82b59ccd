// Word lists for fictional supplier names and people. Supplier names are built from
// British place and nature words plus a descriptor ("Kestrel Civic Software Ltd");
// they are invented, and the lists leave out words that are well-known brands in
// local-government software.

// The same regions the registration form offers, so seeded suppliers validate like real ones.
import { UK_REGIONS } from "../../app/models/supplier-account.schema";

export { UK_REGIONS };
export type UkRegion = (typeof UK_REGIONS)[number];

/** Roughly where UK tech SMEs are, by share of firms. */
export const REGION_WEIGHTS: [UkRegion, number][] = [
  ["London", 20],
  ["South East", 16],
  ["North West", 9],
  ["South West", 9],
  ["East of England", 9],
  ["Yorkshire and The Humber", 7],
  ["West Midlands", 7],
  ["East Midlands", 6],
  ["Scotland", 7],
  ["North East", 4],
  ["Wales", 4],
  ["Northern Ireland", 2],
];

/** Town used in a supplier's description, by region. */
export const REGION_TOWNS: Record<UkRegion, string[]> = {
  "North East": ["Newcastle upon Tyne", "Durham", "Sunderland", "Middlesbrough", "Hexham"],
  "North West": ["Manchester", "Liverpool", "Preston", "Lancaster", "Warrington", "Kendal"],
  "Yorkshire and The Humber": ["Leeds", "Sheffield", "York", "Hull", "Harrogate", "Huddersfield"],
  "East Midlands": ["Nottingham", "Leicester", "Derby", "Lincoln", "Loughborough"],
  "West Midlands": ["Birmingham", "Coventry", "Worcester", "Shrewsbury", "Stoke-on-Trent"],
  "East of England": ["Cambridge", "Norwich", "Ipswich", "Peterborough", "Chelmsford", "Wisbech"],
  London: ["Shoreditch", "Southwark", "Camden", "Croydon", "Stratford", "Hammersmith"],
  "South East": ["Brighton", "Reading", "Oxford", "Guildford", "Maidstone", "Southampton", "Milton Keynes"],
  "South West": ["Bristol", "Exeter", "Plymouth", "Bath", "Truro", "Taunton"],
  Scotland: ["Edinburgh", "Glasgow", "Dundee", "Aberdeen", "Inverness", "Stirling"],
  Wales: ["Cardiff", "Swansea", "Newport", "Aberystwyth", "Wrexham", "Bangor"],
  "Northern Ireland": ["Belfast", "Derry", "Newry", "Lisburn", "Coleraine"],
};

export const NAME_PREFIXES = [
  "Kestrel", "Brightwater", "Fenland", "Heathfield", "Moorland", "Ashdown", "Pennine", "Cotswold", "Tamar",
  "Severn", "Wessex", "Mercia", "Solent", "Chiltern", "Mendip", "Quantock", "Malvern", "Wealden", "Trentside",
  "Wyvern", "Harrier", "Osprey", "Curlew", "Lapwing", "Skylark", "Goldcrest", "Heronsgate", "Otterburn",
  "Rowan", "Hawthorn", "Alderley", "Birchwood", "Hazelmere", "Larchmont", "Willowbank", "Bracken", "Heatherdale",
  "Thistledown", "Bluebell", "Foxglove", "Saltmarsh", "Stonebridge", "Millbrook", "Fairhaven", "Greystone",
  "Redkite", "Oakwood", "Elmstead", "Beechwood", "Ashgrove", "Castlegate", "Harbourside", "Lakeland",
  "Dalesway", "Broadacre", "Fieldfare", "Highfield", "Longmead", "Marshgate", "Kingsmead", "Eastbrook",
  "Westmere", "Southdown", "Tidewell", "Wellspring", "Clearwater", "Silverdale", "Coldharbour", "Copperfield",
  "Lindisfarne", "Cairngorm", "Lomond", "Tweedside", "Clydebank", "Forthview", "Deeside", "Teifi", "Brecon",
  "Gower", "Mourne", "Sperrin", "Strangford", "Pendle", "Hambleton", "Wharfedale", "Calder", "Tynebridge",
  "Wearside", "Edenvale", "Derwent", "Exmoor", "Dartmoor", "Falmouth", "Purbeck", "Rutland", "Wolds", "Broadland",
  "Breckland", "Ribble", "Lune", "Morecambe", "Kielder", "Cheviot", "Nidderdale", "Swaledale", "Arden", "Sherwood",
];

export const NAME_QUALIFIERS = [
  "Civic", "Digital", "Data", "Cloud", "Public", "Municipal", "Community", "Local", "Open", "Connected",
  "Govtech", "Service", "Insight", "Network", "Place", "Citizen",
];

export const NAME_NOUNS = [
  "Software", "Systems", "Solutions", "Technology", "Services", "Labs", "Consulting", "Works", "Partners",
  "Analytics", "Cloud", "Digital", "Computing", "IT", "Informatics", "Studio",
];

export const FIRST_NAMES = [
  "Aisha", "Alistair", "Amelia", "Amir", "Anna", "Ben", "Bethan", "Callum", "Catherine", "Chloe", "Ciaran", "Daniel",
  "Deepa", "Eilidh", "Eleanor", "Emma", "Fiona", "Gareth", "Grace", "Hannah", "Harriet", "Imran", "Isla", "Jack",
  "James", "Jasmine", "Joanne", "Kate", "Kieran", "Laura", "Leah", "Liam", "Lucy", "Mared", "Mark", "Mohammed",
  "Naomi", "Neil", "Niamh", "Oliver", "Owain", "Paul", "Rachel", "Rhys", "Rosie", "Ruth", "Sam", "Sarah", "Sean",
  "Sian", "Sophie", "Stuart", "Tariq", "Tom", "Yasmin", "Zara", "Adebayo", "Chen", "Marek", "Nadia", "Ravi", "Shona",
];

export const LAST_NAMES = [
  "Ahmed", "Armstrong", "Bailey", "Baker", "Bell", "Bennett", "Campbell", "Carter", "Chapman", "Clarke", "Collins",
  "Davies", "Doherty", "Edwards", "Evans", "Fletcher", "Fraser", "Graham", "Green", "Hall", "Harris", "Hughes",
  "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Jones", "Kaur", "Kelly", "Khan", "Lewis", "MacDonald",
  "Marshall", "Martin", "Mitchell", "Moore", "Morgan", "Murphy", "Murray", "Nelson", "Newton", "O'Neill", "Okafor",
  "Owen", "Palmer", "Parry", "Patel", "Phillips", "Price", "Quinn", "Reid", "Roberts", "Robertson", "Scott", "Shah",
  "Singh", "Stewart", "Taylor", "Thomas", "Thompson", "Walker", "Ward", "Watson", "White", "Williams", "Wilson", "Wright",
];

/** Ofcom reserves these ranges for drama, so they never reach a real line. */
export const DRAMA_PHONE_PREFIXES = [
  "020 7946 0",
  "0113 496 0",
  "0114 496 0",
  "0115 496 0",
  "0116 496 0",
  "0117 496 0",
  "0118 496 0",
  "0121 496 0",
  "0131 496 0",
  "0141 496 0",
  "0151 496 0",
  "0161 496 0",
  "0191 498 0",
  "028 9649 6",
  "029 2018 0",
  "01632 960",
];
