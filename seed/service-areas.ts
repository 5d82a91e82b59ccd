// The curated list of council service areas that case studies are filed under.
// Slugs are stable identifiers used in URLs and by the generators; sortOrder is display order.

export type ServiceAreaSeed = { slug: ServiceAreaSlug; name: string; sortOrder: number };

export const SERVICE_AREA_SLUGS = [
  "adult-social-care",
  "childrens-services",
  "revenues-and-benefits",
  "housing",
  "planning",
  "waste-and-recycling",
  "highways-and-transport",
  "libraries",
  "customer-services",
  "democratic-services",
  "finance",
  "hr-and-payroll",
  "it-infrastructure",
  "education-and-send",
  "environmental-health-and-licensing",
  "public-health",
] as const;

export type ServiceAreaSlug = (typeof SERVICE_AREA_SLUGS)[number];

const NAMES: Record<ServiceAreaSlug, string> = {
  "adult-social-care": "Adult social care",
  "childrens-services": "Children's services",
  "revenues-and-benefits": "Revenues and benefits",
  housing: "Housing",
  planning: "Planning",
  "waste-and-recycling": "Waste and recycling",
  "highways-and-transport": "Highways and transport",
  libraries: "Libraries",
  "customer-services": "Customer services and contact centre",
  "democratic-services": "Democratic services",
  finance: "Finance",
  "hr-and-payroll": "HR and payroll",
  "it-infrastructure": "IT infrastructure",
  "education-and-send": "Education and SEND",
  "environmental-health-and-licensing": "Environmental health and licensing",
  "public-health": "Public health",
};

export const serviceAreas: ServiceAreaSeed[] = SERVICE_AREA_SLUGS.map((slug, i) => ({
  slug,
  name: NAMES[slug],
  sortOrder: (i + 1) * 10,
}));

/** The explicit database id of a service area, so generated case studies can refer to it. */
export function serviceAreaId(slug: ServiceAreaSlug): string {
  return `sa_${slug}`;
}
