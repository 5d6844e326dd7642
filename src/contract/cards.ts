import Type, { type Static } from 'typebox';

// The card fixture (fixtures/cards.json): issuers by BIN and the scripted test declines. Objects refuse unknown
// keys so a misspelt field fails at start-up instead of leaving a card without its decline.

const BinEntrySchema = Type.Object(
  {
    prefix: Type.String({ pattern: '^[0-9]+$' }),
    card_code: Type.String(),
    card_name: Type.String(),
    card_type: Type.Union([Type.Integer(), Type.Null()]),
  },
  { additionalProperties: false },
);

const DeclineStageSchema = Type.Enum(['approval', 'auth', 'card', 'network']);

const DeclineReasonSchema = Type.Object(
  { stage: DeclineStageSchema, pg_code: Type.String(), text: Type.String() },
  { additionalProperties: false },
);

export const CardFixtureSchema = Type.Object(
  {
    bins: Type.Array(BinEntrySchema),
    declines: Type.Array(
      Type.Object(
        {
          card_number: Type.String({ minLength: 1 }),
          reason: Type.String({ minLength: 1, description: 'a key of `reasons`' }),
          on: Type.Enum(['every', 'repeat'], {
            description: '`every`: declines on every charge; `repeat`: the first charge (onetime) passes, later `again` charges decline',
          }),
        },
        { additionalProperties: false },
      ),
    ),
    reasons: Type.Record(Type.String(), DeclineReasonSchema),
  },
  { additionalProperties: false },
);

export type BinEntry = Static<typeof BinEntrySchema>;
export type DeclineReason = Static<typeof DeclineReasonSchema>;
export type CardFixture = Static<typeof CardFixtureSchema>;
