import type { TSchema } from 'typebox';

// What the readers of form and query text (number-text.ts, boolean-text.ts) need of a schema: the JSON types a
// place takes, and where a nested value's schema is. Both follow objects and lists the same way.

export type Schema = TSchema & {
  type?: string | string[];
  anyOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
};

/** Every JSON type the place takes, its `anyOf` branches included. */
export const typesOf = (schema: Schema): string[] => {
  const own = schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];
  return [...own, ...(schema.anyOf ?? []).flatMap(typesOf)];
};

/** The schema of a list's entries (the place's own, or a branch's), else the place's. */
export const itemsOf = (schema: Schema): Schema => [schema, ...(schema.anyOf ?? [])].find((s) => s.items)?.items ?? schema;

/** The properties of an object place (the place's own, or a branch's), if it has any. */
export const propertiesOf = (schema: Schema): Record<string, Schema> | undefined =>
  [schema, ...(schema.anyOf ?? [])].find((s) => s.properties)?.properties;
