import type { Faker } from '@faker-js/faker';
// The package root evaluates every locale (hundreds of milliseconds at start-up); the ids need none of them,
// so the class is taken from the small base-locale entry instead.
import { faker as baseFaker } from '@faker-js/faker/locale/base';

const FakerClass = baseFaker.constructor as typeof Faker;

/**
 * Every generated value (ids, approval numbers, account numbers) comes from one seeded generator per sandbox,
 * so the same seed and the same requests give the same output. Access tokens do not: see tokens/token-source.ts.
 */
export class RandomSource {
  private readonly faker: Faker;

  constructor(readonly seed: number) {
    this.faker = new FakerClass({ locale: baseFaker.rawDefinitions });
    this.faker.seed(seed);
  }

  digits(length: number): string {
    // One draw instead of one per digit (ids are on the hot path); beyond 15 digits a double cannot hold them all.
    if (length > 15) return this.faker.string.numeric({ length, allowLeadingZeros: true });
    return String(this.faker.number.int({ min: 0, max: 10 ** length - 1 })).padStart(length, '0');
  }

  alphanumeric(length: number): string {
    return this.faker.string.alphanumeric({ length, casing: 'mixed' });
  }
}

/** A seed for when none was given: still random, but printed so a run can be repeated. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
