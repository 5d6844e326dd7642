/**
 * What reading or validating an input gives: the value to go on with, or the message refusing it. Every such
 * refusal is a 400 with code -1 in the vendor's envelope; whoever answers builds that envelope around the message.
 */
export type Checked = { ok: true; value: unknown } | { ok: false; message: string };

export const accepted = (value: unknown): Checked => ({ ok: true, value });
export const refused = (message: string): Checked => ({ ok: false, message });
