/** `custom_data` as the vendor stores and shows it: text as given, anything else as its JSON text; null when absent. */
export function customDataText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}
