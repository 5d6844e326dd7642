/** What an operation answers: the HTTP status and the vendor's `{code, message, response}` envelope. */
export interface Answer<T = unknown> {
  status: number;
  body: { code: number; message: string | null; response: T };
}

export const ok = <T>(response: T, status = 200): Answer<T> => ({ status, body: { code: 0, message: null, response } });

/** A refusal that still records something (a declined onetime charge is stored, then reported as code -1). */
export const refusal = (status: number, code: number, message: string): Answer<null> => ({
  status,
  body: { code, message, response: null },
});
