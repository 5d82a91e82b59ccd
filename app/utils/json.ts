/** Parses a JSON text column holding a string array; bad data reads as empty rather than crashing a page. */
export function parseStringArray(text: string | null | undefined): string[] {
  if (!text) return [];
  try {
    const value = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
  } catch {
    return [];
  }
}
