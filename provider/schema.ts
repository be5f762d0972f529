import { objectTypes, resourceSpecs, type PropertySpec } from "./specs";

const packageName = "sftp-partners";
const typeToken = (name: string) => `${packageName}:sftptogo:${name}`;

function schemaProperty(property: PropertySpec): object {
  const items = property.items && ("objectType" in property.items ? { $ref: `#/types/${typeToken(property.items.objectType)}` } : property.items);
  const enumValues = property.enum && { enum: property.enum.map((value) => ({ value })) };
  return {
    type: property.type,
    description: property.description,
    ...(items ? { items: { ...items, ...(property.type === "array" && enumValues) } } : enumValues),
    ...(property.default !== undefined && { default: property.default }),
    ...(property.secret && { secret: true }),
    ...(property.replaceOnChanges && { replaceOnChanges: true }),
  };
}

const mapValues = (properties: Record<string, PropertySpec>) =>
  Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, schemaProperty(property)]));

/** The Pulumi package schema of every resource, as committed in schema.json. */
export function packageSchema(version: string): object {
  return {
    name: packageName,
    displayName: "SFTP partners (SFTP To Go, Stedi SFTP)",
    version,
    description: "Trading-partner SFTP access as code: dynamic resources for SFTP To Go and Stedi SFTP.",
    config: {
      variables: {
        "sftptogo:apiKey": { type: "string", secret: true, description: "SFTP To Go API key; env SFTPTOGO_API_KEY." },
        "sftptogo:organizationId": { type: "string", description: "SFTP To Go organization id; env SFTPTOGO_ORGANIZATION_ID." },
        "sftptogo:apiUrl": { type: "string", description: "SFTP To Go API origin; env SFTPTOGO_API_URL." },
        "stedi:apiKey": { type: "string", secret: true, description: "Stedi API key; env STEDI_API_KEY." },
        "stedi:apiUrl": { type: "string", description: "Stedi SFTP API base URL; env STEDI_API_URL." },
      },
    },
    types: Object.fromEntries(
      Object.entries(objectTypes).map(([name, type]) => [
        typeToken(name),
        { type: "object", description: type.description, properties: mapValues(type.properties), required: type.required },
      ]),
    ),
    resources: Object.fromEntries(
      resourceSpecs.map((spec) => [
        spec.token,
        {
          description: spec.description,
          inputProperties: mapValues(spec.inputs),
          requiredInputs: spec.requiredInputs,
          properties: mapValues({ ...spec.inputs, ...spec.outputs }),
          required: [...spec.requiredInputs, ...Object.keys(spec.outputs)],
        },
      ]),
    ),
  };
}
