import type { TSchema } from 'typebox';

// A query string is read as PHP reads it (./php-form.ts): `customer_uid[]=a&customer_uid[]=b` is the list
// `customer_uid`, `extra[requester]=x` the map `extra`. The schemas name what is read; the OpenAPI document names
// what is sent, as the vendor's document does (`customer_uid[]`, `extra[requester]`).

interface ObjectSchema {
  type?: unknown;
  properties?: Record<string, ObjectSchema>;
  required?: string[];
}

/** `schema` (an object of query parameters) with each list and map named as the wire writes it. */
export function wireNamed(schema: TSchema): TSchema {
  const { properties = {}, required = [] } = schema as ObjectSchema;
  const named: Record<string, ObjectSchema> = {};
  const namedRequired: string[] = [];
  const add = (name: string, property: ObjectSchema, isRequired: boolean) => {
    named[name] = property;
    if (isRequired) namedRequired.push(name);
  };
  for (const [name, property] of Object.entries(properties)) {
    const isRequired = required.includes(name);
    if (property.type === 'array') add(`${name}[]`, property, isRequired);
    else if (property.type === 'object' && property.properties) {
      for (const [key, inner] of Object.entries(property.properties)) add(`${name}[${key}]`, inner, isRequired && (property.required ?? []).includes(key));
    } else add(name, property, isRequired);
  }
  return { ...schema, properties: named, required: namedRequired } as TSchema;
}
