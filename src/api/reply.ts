/** The vendor's content type, byte for byte, on every answer of either door. */
export const JSON_TYPE = 'application/json; charset=UTF-8';
