// The county's rates are shares of the same organs' figures: an organ whose 予以公开/部分公开 (or
// 复议纠错) is blank is left out of both the part and the whole, not only of the part.
import { describe, expect, it } from 'vitest';
import { countyFigures, type KeyFigures } from '../../shared/review/figures';

const organ = (f: Partial<KeyFigures>): KeyFigures => ({
  received: null,
  carriedOver: null,
  handled: null,
  disclosed: null,
  substantiveRate: null,
  reviewCases: null,
  reviewCorrected: null,
  reviewConcluded: null,
  reviewCorrectionRate: null,
  litigationCases: null,
  litigationCorrected: null,
  litigationConcluded: null,
  litigationCorrectionRate: null,
  fees: null,
  ...f,
});

describe('county rates', () => {
  it('实质公开率 counts only the organs whose 办结 and 予以公开及部分公开 are both known', () => {
    const county = countyFigures([
      organ({ handled: 15, disclosed: 8 }),
      organ({ handled: 15, disclosed: 8 }),
      organ({ handled: 17, disclosed: null }),
    ]);
    expect(county.substantiveRate).toBe(53.3);
    expect(county.handled).toBe(47);
  });

  it('纠错率 likewise', () => {
    const county = countyFigures([
      organ({ reviewConcluded: 4, reviewCorrected: 1, litigationConcluded: 2, litigationCorrected: 1 }),
      organ({ reviewConcluded: 6, reviewCorrected: null, litigationConcluded: null, litigationCorrected: 0 }),
    ]);
    expect(county.reviewCorrectionRate).toBe(25);
    expect(county.litigationCorrectionRate).toBe(50);
  });
});
