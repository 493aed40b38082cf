// The four metrics together, as TrackEval's Evaluator runs them (trackeval/eval.py evaluate: every
// sequence, then combine_sequences into COMBINED_SEQ), and the flat field records TrackEval reports:
// HOTA-family arrays as their mean over the 19 α (np.mean), plus the per-α arrays.
import { combine as clearCombine, evalSequence as clearEval, finalize as clearFinalize, type ClearCounts, type ClearMatchLog } from './clear';
import { combine as countCombine, evalSequence as countEval, finalize as countFinalize, type CountCounts } from './count';
import type { EvalData } from './evalData';
import { combine as hotaCombine, evalSequence as hotaEval, finalize as hotaFinalize, type HotaCounts } from './hota';
import { combine as idCombine, evalSequence as idEval, finalize as idFinalize, type IdentityCounts } from './identity';
import { numpyMean } from './numpySum';

/** Raw counts of one sequence (or combined), all four metrics. */
export interface SequenceCounts {
  readonly hota: HotaCounts;
  readonly clear: ClearCounts;
  readonly identity: IdentityCounts;
  readonly count: CountCounts;
}

/** TrackEval's fields of one sequence or COMBINED_SEQ: scalars by field name, HOTA arrays per α. */
export interface TrackEvalFields {
  readonly fields: Readonly<Record<string, number>>;
  readonly perAlpha: Readonly<Record<string, readonly number[]>>;
}

/** The field names in TrackEval's order (HOTA, CLEAR, Identity, Count), as in its detailed output. */
export const FIELD_ORDER: readonly string[] = [
  'HOTA', 'DetA', 'AssA', 'DetRe', 'DetPr', 'AssRe', 'AssPr', 'LocA', 'OWTA', 'HOTA_TP', 'HOTA_FN', 'HOTA_FP',
  'HOTA(0)', 'LocA(0)', 'HOTALocA(0)',
  'CLR_TP', 'CLR_FN', 'CLR_FP', 'IDSW', 'MT', 'PT', 'ML', 'Frag', 'CLR_Frames', 'MOTP_sum', 'MTR', 'MLR', 'PTR',
  'CLR_Re', 'CLR_Pr', 'MODA', 'MOTA', 'MOTP', 'sMOTA', 'CLR_F1', 'FP_per_frame', 'MOTAL',
  'IDTP', 'IDFN', 'IDFP', 'IDR', 'IDP', 'IDF1',
  'Dets', 'GT_Dets', 'IDs', 'GT_IDs', 'Frames',
];

/** Runs HOTA, CLEAR, Identity and Count on one sequence (CLEAR's matching goes to `log` if given). */
export function evaluateSequence(d: EvalData, log?: ClearMatchLog): SequenceCounts {
  return { hota: hotaEval(d), clear: clearEval(d, log), identity: idEval(d), count: countEval(d) };
}

/** combine_sequences of every metric (COMBINED_SEQ). */
export function combineSequences(all: readonly SequenceCounts[]): SequenceCounts {
  return {
    hota: hotaCombine(all.map((c) => c.hota)),
    clear: clearCombine(all.map((c) => c.clear)),
    identity: idCombine(all.map((c) => c.identity)),
    count: countCombine(all.map((c) => c.count)),
  };
}

/** The fields TrackEval reports for these counts. */
export function trackEvalFields(c: SequenceCounts): TrackEvalFields {
  const h = hotaFinalize(c.hota);
  const cl = clearFinalize(c.clear);
  const id = idFinalize(c.identity);
  const ct = countFinalize(c.count);
  const fields: Record<string, number> = {};
  for (const [k, arr] of Object.entries(h.perAlpha)) fields[k] = numpyMean(arr);
  fields['HOTA(0)'] = h['HOTA(0)'];
  fields['LocA(0)'] = h['LocA(0)'];
  fields['HOTALocA(0)'] = h['HOTALocA(0)'];
  const { early: _early, ...clearFields } = cl;
  Object.assign(fields, clearFields, id, ct);
  const ordered: Record<string, number> = {};
  for (const k of FIELD_ORDER) if (k in fields) ordered[k] = fields[k]!;
  return { fields: ordered, perAlpha: h.perAlpha };
}
