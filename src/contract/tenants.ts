import Type, { type Static } from 'typebox';
import { MerchantSchema } from './merchant.js';

// Tenants (POST /sandbox/tenants): merchants made on demand, each a copy of a merchant of the merchants file with
// its own code, imp_key and imp_secret, so parallel test workers sharing one sandbox never see each other's data.

const TenantCode = Type.String({
  pattern: '^imp[0-9]{8}$',
  description: "the tenant's merchant code (imp + 8 digits), also its id",
  examples: ['imp48213907'],
});
const CreatedAt = Type.Integer({ minimum: 0, description: 'when it was made, UNIX milliseconds (sandbox time)' });
const { name, settle, webhook } = MerchantSchema.properties;

/**
 * A tenant as the state stores it: the template's contract under a code and key of its own. The imp_secret is
 * kept only as its SHA-256 digest, so a data file or an export never holds a secret that opens the tenant; the
 * secret is random (320 bits), so a fast digest is as good as a slow one against guessing.
 */
export const TenantRecordSchema = Type.Object(
  {
    code: TenantCode,
    template: Type.String({ minLength: 1, description: 'the merchants-file merchant it was copied from' }),
    imp_key: Type.String({ minLength: 1 }),
    secret_sha256: Type.String({
      pattern: '^[0-9a-f]{64}$',
      description: 'SHA-256 of the imp_secret, lower-case hex',
      examples: ['9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
    }),
    created_at: CreatedAt,
    name,
    settle,
    webhook: Type.Optional(webhook),
  },
  { additionalProperties: false },
);
export type TenantRecord = Static<typeof TenantRecordSchema>;

export const CreateTenantBodySchema = Type.Object(
  {
    template: Type.Optional(
      Type.String({
        pattern: '^imp[0-9]{8}$',
        description: 'code of the merchants-file merchant to copy; the first merchant of the file when absent',
        examples: ['imp10000001'],
      }),
    ),
  },
  { additionalProperties: false },
);

/** A tenant as the control API lists it: never its imp_key or imp_secret (as GET /sandbox/merchants). */
export const TenantSchema = Type.Object({ code: TenantCode, template: Type.String(), name: Type.String(), created_at: CreatedAt });
export type TenantView = Static<typeof TenantSchema>;

/** A tenant just made: the only answer that ever carries its imp_secret. */
export const CreatedTenantSchema = Type.Object({
  code: TenantCode,
  template: Type.String(),
  name: Type.String(),
  created_at: CreatedAt,
  imp_key: Type.String(),
  imp_secret: Type.String({ description: 'shown this once: the sandbox keeps only its digest' }),
});
export type CreatedTenant = Static<typeof CreatedTenantSchema>;

export const TenantParamsSchema = Type.Object({ code: TenantCode });

export const TenantDeletedSchema = Type.Object({ deleted: TenantCode });
