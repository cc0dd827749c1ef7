// The metadata file beside a seed (seeds/<slug>.yaml): what it may hold, how it completes what the
// notice states, and the messages a wrong one gets. Expectations come from the seed's own notice.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDistinctDocuments, parseMetadata, withMetadata } from '../../src/build/01-seeds/metadata';
import { readSeeds } from '../../src/build/01-seeds/read-seeds';
import { enrich } from '../../src/build/05-enrich/enrich';
import { isoDate } from '../../src/model/citation';
import type { Document } from '../../src/model/document';
import { parseText, planError, root, seedText } from './helpers';

const doc = parseText(seedText, 'seeds/luozheng-2022-62.txt');
const notice = doc.notice!;
const stated = { issuer: notice.issuer!.text.trim(), docNumber: notice.docNumber!.text.trim(), writtenDate: isoDate(notice.date!.text)! };

describe('without a metadata file', () => {
  it('the document keeps what its notice states, and nothing more', () => {
    expect(doc.meta).toEqual({ ...stated, publishedDate: null, source: null, level: null, region: null, file: null });
    expect(withMetadata(doc, null)).toBe(doc);
  });
});

describe('a metadata file', () => {
  const yaml = (text: string) => parseMetadata('seeds/x.yaml', text);

  it('completes the notice with the dates, the official address, level and region', () => {
    const meta = yaml(`# a note\nissuer: ${stated.issuer}\npublishedDate: 2023-01-05\nsource: https://www.example.gov.cn/zfxxgk/1.html\nlevel: 市\nregion: 河南省洛阳市\n`);
    const read = withMetadata(doc, meta).meta;
    expect(read).toEqual({ ...stated, publishedDate: '2023-01-05', source: 'https://www.example.gov.cn/zfxxgk/1.html', level: '市', region: '河南省洛阳市', file: 'seeds/x.yaml' });
  });

  it('that is empty, or says null, records nothing beyond the notice', () => {
    expect(withMetadata(doc, yaml('')).meta).toMatchObject({ ...stated, publishedDate: null, source: null });
    expect(withMetadata(doc, yaml('publishedDate: null\nsource:\n')).meta).toMatchObject({ publishedDate: null, source: null });
  });

  it('the repository keeps beside each seed agrees with its notice', () => {
    const file = path.join(root, 'seeds/luozheng-2022-62.yaml');
    const meta = withMetadata(doc, parseMetadata('seeds/luozheng-2022-62.yaml', readFileSync(file, 'utf8'))).meta;
    expect(meta).toMatchObject(stated);
  });

  it.each([
    ['docNumber', `docNumber: 洛政〔2022〕63号`, 1, stated.docNumber],
    ['issuer', `\nissuer: 洛阳市妇儿工委`, 2, stated.issuer],
    ['writtenDate', `writtenDate: 2022-12-30`, 1, stated.writtenDate],
  ])('that contradicts the notice (%s) stops the build naming both', (_field, text, line, noticed) => {
    const error = planError(() => withMetadata(doc, yaml(text)));
    expect(error.kind).toBe('metadata');
    expect(error.message).toContain(`seeds/x.yaml:${line}`);
    expect(error.message).toContain(noticed);
    expect(error.message).toContain(doc.file);
  });

  it.each([
    ['an unknown field', 'publisher: 洛阳市人民政府', /expected one of the fields issuer, docNumber/],
    ['a date in another form', 'publishedDate: 2023年1月5日', /publishedDate: the 发布日期 as YYYY-MM-DD, found "2023年1月5日"/],
    ['a date that does not exist', 'publishedDate: 2023-02-30', /found "2023-02-30"/],
    ['an address that is not http(s)', 'source: ftp://example.gov.cn/a', /http\(s\) address/],
    ['a level outside the four', 'level: 乡', /one of 国家 省 市 县/],
    ['a list', 'region:\n  - 洛阳', /found a list or a map/],
    ['a number', 'docNumber: 62', /found 62/],
    ['broken YAML', 'issuer: "洛阳', /expected YAML/],
    ['a field twice', 'level: 市\nlevel: 县', /expected YAML/],
  ])('with %s stops the build with file:line', (_what, text, message) => {
    const error = planError(() => yaml(text));
    expect(error.kind).toBe('metadata');
    expect(error.message).toMatch(/^seeds\/x\.yaml:\d+: /);
    expect(error.message).toMatch(message);
  });
});

describe('read with the seeds', () => {
  const folder = () => mkdtempSync(path.join(tmpdir(), 'plan-meta-'));

  it('a seed gets the metadata file of its own name', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a-doc.txt'), seedText);
    writeFileSync(path.join(dir, 'a-doc.yaml'), 'source: https://www.example.gov.cn/a.html\n');
    const [seed] = await readSeeds(dir);
    expect(seed?.metadata?.values).toEqual({ source: 'https://www.example.gov.cn/a.html' });
  });

  it('a metadata file without its seed stops the build', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'a-doc.txt'), seedText);
    writeFileSync(path.join(dir, 'b-doc.yaml'), 'level: 市\n');
    await expect(readSeeds(dir)).rejects.toThrow(/b-doc\.yaml: expected the seed it describes beside it \(b-doc\.txt\), found no such file/);
  });

  it('the reference takes the 发布日期 and the official address when they are recorded', () => {
    const withSource: Document = withMetadata(doc, parseMetadata('seeds/x.yaml', 'publishedDate: 2023-01-05\nsource: https://www.example.gov.cn/a.html\n'));
    const page = enrich([withSource], 'https://plans.example.org/').pages.find((p) => p.kind === 'document');
    expect(page?.reference).toMatch(/\(2023-01-05\)\[引用日期\]\. https:\/\/www\.example\.gov\.cn\/a\.html\.$/);
    const plain = enrich([doc], 'https://plans.example.org/').pages.find((p) => p.kind === 'document');
    expect(plain?.reference).toMatch(new RegExp(`\\(${stated.writtenDate}\\)\\[引用日期\\]\\. https://plans\\.example\\.org/${doc.slug}/\\.$`));
  });
});

describe('a library of documents', () => {
  it('two seeds with one 文号 stop the build, naming both files', () => {
    const copy: Document = { ...parseText(seedText, 'seeds/copy.txt'), slug: 'copy' };
    const error = planError(() => checkDistinctDocuments([doc, copy]));
    expect(error.kind).toBe('duplicate-document');
    expect(error.message).toContain('seeds/copy.txt:');
    expect(error.message).toContain(doc.file);
    expect(error.message).toContain(stated.docNumber);
  });

  it('documents with their own numbers, or none, pass', () => {
    const other = withMetadata(parseText(seedText.replace(stated.docNumber, '洛政〔2023〕7号'), 'seeds/other.txt'), null);
    expect(() => checkDistinctDocuments([doc, other])).not.toThrow();
    expect(other.meta.docNumber).toBe('洛政〔2023〕7号');
  });
});
