import type { CheckVerdict, ContentCheck } from '../../ports/content-check'

/**
 * Local content check (gateway, tests, demo): a word list, no network. Images always pass locally.
 *
 * Matching ignores case (and full-width forms, via NFKC) and any whitespace, punctuation or symbol put between
 * the characters, so "办 证", "办-证" and "傻*逼" still match.
 *
 * Two lists, because this app's citizens REPORT illegal activity: the top case in real cities is 非法小广告,
 * so a genuine report says "电线杆上贴满了办证小广告" or "楼下有人聚众赌博". Rejecting those words would block the
 * very reports the campaign wants. So by default:
 * - `words` (→ 'reject'): plain abuse that no report needs;
 * - `reviewWords` (→ 'review'): illegal-ad and crime terms; a person looks before the text is published.
 * Passing your own `words` makes them the whole list (no default review words unless you pass them too).
 */
export const DEFAULT_REJECT_WORDS: readonly string[] = ['傻逼', '脑残']
export const DEFAULT_REVIEW_WORDS: readonly string[] = ['办证', '刻章', '代开发票', '赌博', '枪支', '毒品']

/** Lower-case, NFKC, without whitespace, punctuation or symbols. */
export function normalizeForMatch (text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '')
}

export function createWordListCheck (
  words: readonly string[] = DEFAULT_REJECT_WORDS,
  reviewWords: readonly string[] = words === DEFAULT_REJECT_WORDS ? DEFAULT_REVIEW_WORDS : []
): ContentCheck {
  const prepare = (list: readonly string[]): string[] => list.map(normalizeForMatch).filter((w) => w.length > 0)
  const reject = prepare(words)
  const review = prepare(reviewWords)

  return {
    async checkText (text: string): Promise<CheckVerdict> {
      const plain = normalizeForMatch(text)
      if (reject.some((w) => plain.includes(w))) return 'reject'
      if (review.some((w) => plain.includes(w))) return 'review'
      return 'pass'
    },
    async submitImage () {
      return { verdict: 'pass' as const, traceId: null }
    }
  }
}
