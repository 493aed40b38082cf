import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSeqInfo, writeSeqInfo } from '../../../../src-shared/formats/seqinfo';
import { parseSeqmap, writeSeqmap } from '../../../../src-shared/formats/seqmap';
import { SHARED_DATA } from '../../../helpers/sharedData';

describe('seqinfo.ini', () => {
  it('reads and writes MOTChallenge seqinfo.ini byte for byte', () => {
    const file = `${SHARED_DATA}/mot17/MOT17-train/MOT17-02-DPM/seqinfo.ini`;
    const text = readFileSync(file, 'utf8');
    const { info, errors } = parseSeqInfo(text, 'seqinfo.ini');
    expect(errors).toEqual([]);
    expect(info).toMatchObject({ name: 'MOT17-02-DPM', frameRate: 30, seqLength: 600, imWidth: 1920, imHeight: 1080, imExt: '.jpg', imDir: 'img1' });
    expect(writeSeqInfo(info!)).toBe(text);
  });

  it('names the line and field of a problem', () => {
    const { info, errors } = parseSeqInfo('[Sequence]\nname=x\nframeRate=30\nseqLength=ten\nimWidth=10\nimHeight=10\n', 's.ini');
    expect(info).toBeUndefined();
    expect(errors[0]!.message).toBe('s.ini:4: seqLength: found "ten", expected a whole number >= 1');
    expect(parseSeqInfo('name=x\n', 's.ini').errors[0]!.expected).toBe('a [Sequence] section');
  });
});

describe('seqmap', () => {
  it('reads and writes TrackEval seqmaps', () => {
    const text = readFileSync(`${SHARED_DATA}/mot15/seqmaps/MOT15-train.txt`, 'utf8');
    const { names, errors } = parseSeqmap(text, 'MOT15-train.txt');
    expect(errors).toEqual([]);
    expect(names).toHaveLength(11);
    expect(writeSeqmap(names)).toBe(text);
    expect(parseSeqmap('seq\nA\n', 'm.txt').errors[0]).toMatch(/expected the header "name"/);
  });
});
