import t from 'tap';
import { SandboxClock } from '../../src/core/time/clock.js';

t.test('a frozen clock moves only when told', async (t) => {
  const clock = new SandboxClock({ now: () => 1_000 });
  clock.freeze(5_000);
  t.equal(clock.now(), 5_000);
  clock.advance(60_000);
  t.equal(clock.now(), 65_000);
});
