/**
 * The numbers a source's own words contain, so a figure can be checked
 * against how it was reported: a figure's `value` must be one of the numbers
 * in its `reported` text ("Around 100" → 100, "over $1.4 billion" → 1.4e9,
 * "six" → 6). A state written in words ("come to a standstill") holds no
 * number, so it cannot become a figure.
 */

/** Number words a source may spell out, in English and French. */
const WORDS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, dozen: 12, hundred: 100,
  zéro: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10,
  onze: 11, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, cent: 100,
};

/** Multipliers written after a number: "1.4 billion", "1,4 milliard". */
const SCALES: Record<string, number> = {
  thousand: 1e3, million: 1e6, millions: 1e6, billion: 1e9, billions: 1e9,
  mille: 1e3, milliard: 1e9, milliards: 1e9,
};

/**
 * Every number in `text`, in order: digits with thousands separators
 * ("1,400", "160 000") or a decimal point ("66.5"), optionally followed by a
 * scale word ("billion"); and spelled-out numbers up to twenty.
 */
export function numbersIn(text: string): number[] {
  const numbers: number[] = [];
  const token = /(\d{1,3}(?:[,\u00a0\u202f ]\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?:\s*(thousand|millions?|billions?|mille|milliards?))?|\p{L}+/giu;
  for (const match of text.matchAll(token)) {
    const [whole, digits, scale] = match;
    if (digits) {
      // A comma followed by exactly three digits groups thousands; otherwise it is a decimal comma.
      const grouped = /^\d{1,3}([,\u00a0\u202f ]\d{3})+(\.\d+)?$/.test(digits);
      const plain = grouped ? digits.replace(/[,\u00a0\u202f ]/g, '') : digits.replace(',', '.');
      numbers.push(Number(plain) * (scale ? SCALES[scale.toLowerCase()] : 1));
    } else {
      const word = WORDS[whole.toLowerCase()];
      if (word !== undefined) numbers.push(word);
    }
  }
  return numbers;
}

/** True when `value` is one of the numbers in `reported` (to a millionth, for decimals). */
export function reportedHolds(reported: string, value: number): boolean {
  return numbersIn(reported).some((n) => Math.abs(n - value) <= Math.abs(value) * 1e-6);
}
