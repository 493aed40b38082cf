// `npm run bench [name-filter]`: runs every benchmark and prints figures with their anchors.
import { apiBench } from './api.bench';
import { type Bench, type BenchRow, fmt } from './harness';
import { storeBench } from './store.bench';
import { editorBench } from './editor.bench';
import { learningBench } from './learning.bench';
import { trackingBench } from './tracking.bench';
import { lapBench } from './lap.bench';
import { metricsBench } from './metrics.bench';
import { mpnBench } from './mpn.bench';

const BENCHES: readonly Bench[] = [apiBench, storeBench, editorBench, trackingBench, learningBench, lapBench, metricsBench, mpnBench];

const filter = process.argv[2]?.toLowerCase();
let failed = 0;
for (const b of BENCHES) {
  if (filter && !b.name.toLowerCase().includes(filter)) continue;
  console.log(`\n== ${b.name}`);
  const rows: BenchRow[] = await b.run();
  for (const r of rows) {
    const ratio = r.ratio === undefined ? '' : `  ratio ${r.ratio.toFixed(2)}×`;
    const verdict = r.pass === undefined ? '' : r.pass ? '  PASS' : '  FAIL';
    if (r.pass === false) failed++;
    console.log(`  ${r.name.padEnd(58)} ${fmt(r.value).padStart(10)} ${r.unit.padEnd(10)} vs ${r.anchor}${ratio}${verdict}`);
  }
}
console.log(failed ? `\n${failed} target(s) missed` : '\nall targets met');
process.exitCode = failed ? 1 : 0;
