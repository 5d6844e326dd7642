/** A page of a listing, as the vendor pages them: `previous`/`next` are page numbers, 0 when there is none. */
export interface Page<T> {
  total: number;
  previous: number;
  next: number;
  list: T[];
}

/** Page `page` (from 1) of `size` entries of an already ordered list. */
export function pageOf<T>(list: readonly T[], page: number, size: number): Page<T> {
  const total = list.length;
  return {
    total,
    previous: page > 1 ? page - 1 : 0,
    next: page * size < total ? page + 1 : 0,
    list: list.slice((page - 1) * size, page * size),
  };
}
