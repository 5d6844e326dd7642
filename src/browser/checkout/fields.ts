// The checkout's fields as the server renders them (src/http/form-controls.ts): a field with an error slot
// `{id}_error` that its aria-describedby names. A step's check answers the ids of the fields at fault, so the
// page can show every fault at once and put the focus on the first.

/** The value of a field, or undefined when this pay method's page has no such field. */
export const valueOf = (id: string): string | undefined =>
  (document.getElementById(id) as HTMLInputElement | HTMLSelectElement | null)?.value;

/** Writes `text` into the field's error slot (empty clears it) and marks the field; false when the page has no such field. */
export function fieldError(id: string, text: string): boolean {
  const field = document.getElementById(id);
  const slot = document.getElementById(`${id}_error`);
  if (!field || !slot) return false;
  slot.textContent = text;
  field.setAttribute('aria-invalid', text ? 'true' : 'false');
  return true;
}

/** Sets the field's error when `problem` is one, clears it otherwise; answers the id when at fault. */
export function checkField(id: string, problem: string): string[] {
  fieldError(id, problem);
  return problem ? [id] : [];
}

/** A fault stays named until its field is edited: then the mark goes, and the next 결제하기 checks again. */
export function clearOnEdit(form: HTMLElement): void {
  const clear = (event: Event) => {
    const field = event.target as HTMLElement;
    if (field.id && field.getAttribute('aria-invalid') === 'true') fieldError(field.id, '');
  };
  form.addEventListener('input', clear);
  form.addEventListener('change', clear);
}
