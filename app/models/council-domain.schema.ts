import { z } from "zod";

export const addCouncilDomainSchema = z.object({
  domain: z
    .string({ required_error: "Enter the email domain" })
    .trim()
    .toLowerCase()
    .min(1, "Enter the email domain")
    .max(100, "The domain must be 100 characters or fewer")
    .regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,}$/, "Enter a domain like leeds.gov.uk, without @ or https://")
    .refine(
      (d) => /\.(gov\.uk|gov\.wales|llyw\.cymru|gov\.scot|gov\.ni|nhs\.uk|police\.uk|org\.uk|sch\.uk)$/.test(d),
      "Enter a public-sector domain, such as one ending .gov.uk, .gov.wales, .llyw.cymru or .gov.scot",
    ),
  councilCode: z.string({ required_error: "Select a council" }).trim().min(1, "Select a council").max(10),
});

export const removeCouncilDomainSchema = z.object({ id: z.string().min(1).max(40) });

/**
 * The public-sector domains in general (the UK public sector domains list's wildcards
 * `*.gov.uk`, `*.gov.scot`, `*.gov.wales`): an address there that is no council's may ask for access.
 */
export const PUBLIC_SECTOR_SUFFIXES = ["gov.uk", "gov.scot", "gov.wales"] as const;

export function isPublicSectorDomain(domain: string): boolean {
  const d = domain.trim().toLowerCase();
  return PUBLIC_SECTOR_SUFFIXES.some((suffix) => d.endsWith(`.${suffix}`));
}
