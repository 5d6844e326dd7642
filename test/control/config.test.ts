import t from 'tap';
import { loadConfig } from '../../src/config.js';

t.test('the control API is on by default, off with --no-control or IAMPORT_SANDBOX_CONTROL=0', async (t) => {
  t.equal(loadConfig([], {}).control, true);
  t.equal(loadConfig(['--no-control'], {}).control, false);
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: '0' }).control, false);
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: 'false' }).control, false);
  t.equal(loadConfig([], { IAMPORT_SANDBOX_CONTROL: '1' }).control, true);
});
