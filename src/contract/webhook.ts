import Type, { type Static } from 'typebox';
import { Nullable, UnixTime } from './common.js';

// Webhooks (reference §7): what is POSTed, and the delivery log the control API shows.

const WebhookStatusSchema = Type.Union([Type.Literal('paid'), Type.Literal('failed'), Type.Literal('ready'), Type.Literal('cancelled')]);
export type WebhookStatus = Static<typeof WebhookStatusSchema>;

export const WebhookContentTypeSchema = Type.Union([Type.Literal('json'), Type.Literal('form')]);
export type WebhookContentType = Static<typeof WebhookContentTypeSchema>;

/** What a webhook POSTs; `cancellation_id` only on cancel events. */
const WebhookBodySchema = Type.Object({
  imp_uid: Type.String(),
  merchant_uid: Type.String(),
  status: WebhookStatusSchema,
  cancellation_id: Type.Optional(Type.String()),
});
export type WebhookBody = Static<typeof WebhookBodySchema>;

export const WebhookAttemptSchema = Type.Object({
  at: UnixTime,
  url: Type.String(),
  trigger: Type.Union([Type.Literal('event'), Type.Literal('retry'), Type.Literal('resend')], {
    description: '`event`: the first delivery; `retry`: the merchant\'s retry setting; `resend`: asked through the control API',
  }),
  status: Nullable(Type.Integer({ description: "the receiver's HTTP status, or null when none came back" })),
  error: Nullable(Type.String({ description: 'why the attempt failed (network error, timeout, non-2xx)' })),
});
export type WebhookAttempt = Static<typeof WebhookAttemptSchema>;

/** One event's delivery with every attempt, oldest first. */
export const WebhookDeliverySchema = Type.Object({
  id: Type.String(),
  merchant: Type.String(),
  seq: Type.Integer(),
  url: Type.String(),
  content_type: WebhookContentTypeSchema,
  body: WebhookBodySchema,
  retry: Type.Boolean({ description: "the merchant's retry setting when the event happened" }),
  state: Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
  next_attempt_at: Nullable(UnixTime),
  attempts: Type.Array(WebhookAttemptSchema),
});
export type WebhookDelivery = Static<typeof WebhookDeliverySchema>;
