// vitest's global setup: the tests that start the real command (bin/jarjestobotti.mjs) run the
// compiled build; it is made once here from the sources under test, before any test starts, so
// that parallel tests (and servers run as another user, who may not write dist/) find it fresh.
import { build } from "../bin/build.mjs";

export default async function setup() {
  await build();
}
