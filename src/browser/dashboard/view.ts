/** A view renders its controls once into `view` and returns the function that refills its data. */
export type Refill = () => Promise<void>;
export type View = (view: HTMLElement, id: string) => Refill;
