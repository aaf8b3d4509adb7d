import { DEFAULT_REJECT_WORDS, DEFAULT_REVIEW_WORDS, createWordListCheck, normalizeForMatch } from './word-list'

const ctx = { openid: 'o-citizen' }

describe('word-list content check (default lists)', () => {
  const check = createWordListCheck()

  it('passes an ordinary report', async () => {
    await expect(check.checkText('人民路 12 号门口的井盖松动了，晚上很危险，请尽快处理。', ctx)).resolves.toBe('pass')
    await expect(check.checkText('', ctx)).resolves.toBe('pass')
  })

  it('rejects abuse, even with spaces, punctuation or symbols between the characters', async () => {
    for (const text of ['你就是个傻逼', '傻 逼', '傻*逼', '傻，逼！', '脑-残', '傻😀逼']) {
      await expect(check.checkText(text, ctx)).resolves.toBe('reject')
    }
  })

  it('holds illegal-ad and crime terms for review, since real reports describe them', async () => {
    await expect(check.checkText('电线杆上贴满了办证小广告', ctx)).resolves.toBe('review')
    await expect(check.checkText('楼下棋牌室有人聚众赌 博', ctx)).resolves.toBe('review')
    await expect(check.checkText('代·开·发·票 13800000000', ctx)).resolves.toBe('review')
  })

  it('lets reject win over review', async () => {
    await expect(check.checkText('办证的傻逼', ctx)).resolves.toBe('reject')
  })

  it('passes images locally', async () => {
    await expect(check.submitImage('f-1', 'http://localhost/files/f-1', ctx)).resolves.toEqual({ verdict: 'pass', traceId: null })
  })

  it('keeps the default lists short', () => {
    expect(DEFAULT_REJECT_WORDS.length + DEFAULT_REVIEW_WORDS.length).toBeLessThanOrEqual(10)
  })
})

describe('word-list content check (own list)', () => {
  const check = createWordListCheck(['SPAM', '垃圾广告'])

  it('rejects listed words case-insensitively, full-width too', async () => {
    for (const text of ['this is spam', 'S p A m!', 'ｓｐａｍ', '垃 圾 广 告']) {
      await expect(check.checkText(text, ctx)).resolves.toBe('reject')
    }
  })

  it('uses only the given words: no default review words', async () => {
    await expect(check.checkText('有人在办证', ctx)).resolves.toBe('pass')
    await expect(check.checkText('傻逼', ctx)).resolves.toBe('pass')
  })

  it('can hold its own words for review', async () => {
    const reviewing = createWordListCheck([], ['发票'])
    await expect(reviewing.checkText('发 票', ctx)).resolves.toBe('review')
  })

  it('ignores empty or punctuation-only words instead of matching everything', async () => {
    const odd = createWordListCheck(['', ' ', '!!'])
    await expect(odd.checkText('任何内容', ctx)).resolves.toBe('pass')
  })

  it('normalizes to lower case without separators', () => {
    expect(normalizeForMatch(' Ａ-b_C 办.证 ')).toBe('abc办证')
  })
})
