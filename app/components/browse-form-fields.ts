// The fields of a form that posts without react-hook-form (the forward-plan and contract forms):
// each field is named once and its label, its posted value and its first error are looked up by
// that name, so a field reads `<TextField {...field("title")} hint="…" />`.
type Errors = Record<string, string[] | undefined>;

export function plainFields(labels: Record<string, string>, errors: Errors, values: Record<string, string | undefined>) {
  return (name: string) => ({ name, label: labels[name], error: errors[name]?.[0], defaultValue: values[name] });
}
