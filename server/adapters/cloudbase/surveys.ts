import type { Survey, SurveyResponse } from '../../../core/types'
import type { ResponseOutcome, SurveyStore } from '../../ports/surveys'
import { type Cond, type Db, fromDoc } from './client'
import type { AggregateOps } from './aggregates'
import { COLLECTIONS as C } from './collections'
import { emptyPage, readPage } from './paging'

/** One response per person per survey: the document id says so. */
export const responseKey = (r: Pick<SurveyResponse, 'surveyId' | 'userId'>): string => `${r.surveyId}:${r.userId}`

type Quota = { key: string; limit: number }

/*
 * A quota without a multi-document transaction. A quota's count is a counter document (`counters/${key}` →
 * `{ value }`, the shape counters.ts writes, so `incrementCounter(key, 0)` reads it), and a response is counted in
 * two steps, each atomic on one document, in the order that keeps the invariant a reader can rely on:
 *
 *   counted responses under the key  ≤  counters/${key}.value  ≤  limit
 *
 * 1. take a place: `where({ _id: key, value: $lt limit }).update({ value: $inc 1 })`. Updated 0 means the counter
 *    is missing or full: it is created with `add({ _id: key, value: 1 })`, and a duplicate write there (a concurrent
 *    caller created it first, or it was full all along) is answered by the conditional update once more. However
 *    many people answer at once, each request is decided by the database on one document, so at most `limit`
 *    places are ever taken;
 * 2. add the response document (`${surveyId}:${userId}`). A duplicate write means this person answered already
 *    (a concurrent request of theirs won): the place is given back (`$inc -1`) and nothing else is written.
 *
 * Before step 1 the person's response is read, so a retry answers 'duplicate' without touching the count (also
 * once the cell is full); a full cell reads it once more, so a concurrent request of the same person that landed
 * meanwhile makes this one 'duplicate', not 'quota_full'.
 * A test response (`test`) and a response without a quota are one add, with no count.
 *
 * What a reader may briefly see: a place counted before its response is stored (between the steps), or a place
 * counted for a concurrent duplicate until it is given back — so for a moment the count may run ahead of the
 * responses under it (by as many requests as are between the steps). A person arriving at the cell's last place while a duplicate holds it is refused
 * ('quota_full') though the place is then given back. Never a counted response without its place, and never more
 * than `limit`.
 *
 * What a crash between the steps leaves (the process dies after the place, before the add or the give-back; or the
 * add fails with anything but a duplicate, when it cannot be told whether the response landed): a place counted
 * for nobody. The cell then closes one response early — never one late, so a quota is never exceeded — until the
 * counter is corrected by hand in the database (no step can tell such a place from one still in flight, so none
 * takes it back). The person whose request failed may simply answer again; their retry takes a new place.
 */
export function surveyStore (db: Db, aggregates: AggregateOps): SurveyStore {
  const responseAt = async (surveyId: string, userId: string): Promise<SurveyResponse | null> => {
    const doc = await db.findById(C.responses, responseKey({ surveyId, userId }))
    return doc ? fromDoc<SurveyResponse>(doc) : null
  }

  const countPlace = async ({ key, limit }: Quota): Promise<boolean> =>
    await db.update(C.counters, { _id: key, value: db._.lt(limit) }, { value: db._.inc(1) }) === 1

  /** Step 1: true when a place under the quota is now this caller's. */
  const takePlace = async (quota: Quota): Promise<boolean> => {
    if (quota.limit <= 0) return false
    if (await countPlace(quota)) return true
    if (await db.insert(C.counters, quota.key, { value: 1 })) return true
    return await countPlace(quota)
  }

  const giveBack = async (quota: Quota): Promise<void> => {
    await db.update(C.counters, { _id: quota.key }, { value: db._.inc(-1) })
  }

  const add = async (r: SurveyResponse): Promise<boolean> => db.insert(C.responses, responseKey(r), r)

  /** The response under its quota, as the header says. */
  const addCounted = async (r: SurveyResponse, quota: Quota | null): Promise<ResponseOutcome> => {
    if (!quota || r.test) return await add(r) ? 'added' : 'duplicate'
    if (await responseAt(r.surveyId, r.userId)) return 'duplicate'
    if (!await takePlace(quota)) return await responseAt(r.surveyId, r.userId) ? 'duplicate' : 'quota_full'
    if (await add(r)) return 'added'
    await giveBack(quota)
    return 'duplicate'
  }

  return {
    putSurvey: (survey) => db.replace(C.surveys, survey.id, survey),

    async getSurvey (id) {
      const doc = await db.findById(C.surveys, id)
      return doc ? fromDoc<Survey>(doc) : null
    },

    async listSurveys (q) {
      if (q.statuses !== undefined && q.statuses.length === 0) return emptyPage<Survey>()
      const conds: Cond[] = q.statuses === undefined ? [] : [{ status: db._.in(q.statuses) }]
      return readPage<Survey>(db, C.surveys, conds, { field: 'createdAt', dir: 'desc' }, q)
    },

    async addResponse (r, quota, cells, marks): Promise<ResponseOutcome> {
      const outcome = await addCounted(r, quota ?? null)
      // The response stands first, then its indicator cells (a crash between: the reconciliation repairs them).
      if (outcome === 'added' && !r.test && cells && cells.length > 0) await aggregates.add(cells)
      if (outcome === 'added' && !r.test && marks && marks.length > 0) await aggregates.mark(marks)
      return outcome
    },

    getResponse: responseAt,


    async listResponses (q) {
      const conds: Cond[] = []
      if (q.surveyId !== undefined) conds.push({ surveyId: q.surveyId })
      if (q.userId !== undefined) conds.push({ userId: q.userId })
      if (q.fromIso !== undefined) conds.push({ at: db._.gte(q.fromIso) })
      if (q.toIso !== undefined) conds.push({ at: db._.lt(q.toIso) })
      return readPage<SurveyResponse>(db, C.responses, conds, { field: 'at', dir: 'asc' }, q)
    }
  }
}
