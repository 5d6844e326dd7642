import { Faker, base, en, ko } from '@faker-js/faker';

/**
 * Every generated value (ids, tokens, approval numbers) comes from one seeded generator per sandbox,
 * so the same seed and the same requests give the same output.
 */
export class RandomSource {
  private readonly faker: Faker;

  constructor(readonly seed: number) {
    this.faker = new Faker({ locale: [ko, en, base] });
    this.faker.seed(seed);
  }

  digits(length: number): string {
    return this.faker.string.numeric({ length, allowLeadingZeros: true });
  }

  hex(length: number): string {
    return this.faker.string.hexadecimal({ length, casing: 'lower', prefix: '' });
  }

  alphanumeric(length: number): string {
    return this.faker.string.alphanumeric({ length, casing: 'mixed' });
  }
}

/** A seed for when none was given: still random, but printed so a run can be repeated. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 2 ** 31);
}
