import Type from 'typebox';
import { UnixTime } from './common.js';

/** The vendor's AuthAnnotation. */
export const AuthSchema = Type.Object({
  access_token: Type.String({ description: '40 lowercase hex characters' }),
  now: UnixTime,
  expired_at: UnixTime,
});
