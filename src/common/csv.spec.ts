import { BOM, csvCell, csvLine, toCsv } from './csv';

describe('CSV for Dutch Excel', () => {
  it.each([
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+31 6 1234', "'+31 6 1234"],
    ['-2+3', "'-2+3"],
    ['@cmd', "'@cmd"],
    ['\tTAB', "'\tTAB"],
    ['\r=1', `"'\r=1"`],
    ['gewoon', 'gewoon'],
    ['a;b', '"a;b"'],
    ['zei "ja"', '"zei ""ja"""'],
    ['regel\nnog een', '"regel\nnog een"'],
    [' spatie', '" spatie"'],
    ['2026-04-13', '2026-04-13'],
    ['', ''],
  ])('writes the text %j as %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it('keeps numbers numbers (a negative count is not a formula), booleans ja/nee, nothing as empty', () => {
    expect(csvCell(-7)).toBe('-7');
    expect(csvCell(3)).toBe('3');
    expect(csvCell(Number.NaN)).toBe('');
    expect(csvCell(true)).toBe('ja');
    expect(csvCell(false)).toBe('nee');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('separates with semicolons, ends lines with CRLF and starts the document with a BOM and the header', () => {
    expect(csvLine(['a', 1, null, '=x'])).toBe("a;1;;'=x\r\n");
    const doc = toCsv([{ header: 'id', value: (x: { id: string }) => x.id }, { header: 'n', value: (x: { id: string }) => x.id.length }], [{ id: 'één' }, { id: 'x;y' }]);
    expect(doc).toBe(`${BOM}id;n\r\néén;3\r\n"x;y";3\r\n`);
    expect(Buffer.from(doc, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
