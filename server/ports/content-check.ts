/**
 * Content security (DOMAIN "WeChat platform rules"): text is checked synchronously (msgSecCheck v2); images
 * asynchronously (mediaCheckAsync), so a photo stays "pending review", visible only to its owner, until the
 * verdict is pushed back. Adapters: a local word list (gateway, tests) and WeChat's open API (CloudBase).
 *
 * Verdicts: 'pass' publish; 'review' hold for a person (or, for images, for WeChat's callback);
 * 'reject' refuse. A check that cannot be completed answers 'review', never 'pass': nothing is published
 * unchecked.
 */
export type CheckVerdict = 'pass' | 'review' | 'reject'

export interface ContentCheck {
  /** Text: synchronous verdict. */
  checkText (text: string, ctx: { openid: string }): Promise<CheckVerdict>
  /**
   * Image: WeChat answers later (mediaCheckAsync), so 'review' means pending until the push carrying `traceId`
   * arrives; locally images pass.
   */
  submitImage (fileId: string, url: string, ctx: { openid: string }): Promise<{ verdict: CheckVerdict; traceId: string | null }>
}
