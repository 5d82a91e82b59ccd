import { z } from "zod";
import { requiredText } from "./text-field.schema";

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const serviceAreaSchema = z.object({
  name: requiredText("Name", 80, "Enter the name of the service area")
    .refine((v) => !/[<>]/.test(v), "Name must not contain < or >")
    .refine((v) => v.length > 80 || slugify(v).length > 0, "Name must include letters or numbers"),
});
export type ServiceAreaInput = z.infer<typeof serviceAreaSchema>;
