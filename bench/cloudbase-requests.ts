import * as tcb from '@cloudbase/node-sdk'
import nock from 'nock'
import { cellKey, mergeCells, responseCells } from '../core/indicators/aggregates'
import { STANDING_METRICS, windowMetrics } from '../core/indicators/read'
import { ticketCells } from '../core/indicators/ticket-cells'
import { aTicket } from '../core/testing/builders'
import { mulberry32 } from '../core/prng'
import { SURVEY_TEMPLATES } from '../core/survey-templates'
import type { SurveyResponse } from '../core/types'
import { createCloudbaseStore } from '../server/adapters/cloudbase'
import { SHARDS } from '../server/adapters/cloudbase/aggregates'
import { COLLECTIONS } from '../server/adapters/cloudbase/collections'
import { FakeCloudbase, interceptCloudbase } from '../server/adapters/cloudbase/testing/fake-cloudbase'
import { buildGrids } from '../server/seed/grids'
import type { BenchResult } from './types'

/**
 * How many database requests the survey rates of one district and one month cost on CloudBase (through the real
 * SDK against the faked HTTP API), with 1× and 100× the answers: it must not grow with the data. The cells are
 * what the answers' writes leave (sharded as the adapter shards them), seeded directly so that 100,000 answers
 * need not go through HTTP one by one.
 */
export async function benchCloudbaseRequests (): Promise<BenchResult[]> {
  const grids = buildGrids()
  const t = SURVEY_TEMPLATES.find((x) => x.id === 'satisfaction')!
  const questions = [...t.survey.questions, ...SURVEY_TEMPLATES.find((x) => x.id === 'awareness')!.survey.questions.filter((q) => q.indicator !== 'none').map((q) => ({ ...q, id: `a_${q.id}`, showIf: null }))]
  const district = grids[0].code.slice(0, 6)

  const requestsAt = async (answers: number): Promise<number> => {
    const rng = mulberry32(answers)
    const cells = []
    for (let i = 0; i < answers; i++) {
      const g = grids[Math.floor(rng() * grids.length)]
      const r: SurveyResponse = { id: `r${i}`, surveyId: 's', userId: `u${i}`, gridId: g.id, answers: Object.fromEntries(questions.filter((q) => q.type !== 'text').map((q) => [q.id, [Math.floor(rng() * q.options.length)]])), at: new Date(Date.parse('2026-06-01T00:00:00.000Z') + Math.floor(rng() * 30 * 86_400_000)).toISOString() }
      cells.push(...responseCells(questions, r, g.code))
      // A ticket per answer, through every state, with the cells its writes leave.
      const created = Date.parse('2026-06-01T00:00:00.000Z') + Math.floor(rng() * 30 * 86_400_000)
      const closed = rng() < 0.7
      cells.push(...ticketCells(aTicket({ state: closed ? 'fixed' : 'dispatched', createdAt: new Date(created).toISOString(), dispatchedAt: new Date(created + 3_600_000).toISOString(), closedAt: closed ? new Date(created + 30 * 3_600_000).toISOString() : null, overdue: !closed && rng() < 0.3, rating: closed ? 'satisfied' : null }), g.code))
    }
    const fake = new FakeCloudbase()
    // Sharded as the adapter writes them: city and district cells over SHARDS documents.
    const docs = mergeCells(cells.map((c) => ({ ...c, day: `${c.day}#${c.area.length <= 6 ? Math.floor(rng() * SHARDS) : 0}` })))
      .map((c) => { const [day, shard] = c.day.split('#'); const cell = { ...c, day }; return { _id: `${cellKey(cell)}#${shard}`, key: cellKey(cell), ...cell } })
    fake.seed(COLLECTIONS.aggregates, docs)
    nock.disableNetConnect()
    interceptCloudbase(fake)
    nock('http://metadata.tencentyun.com').persist().get(/.*/).reply(404)
    const store = createCloudbaseStore({ app: tcb.init({ env: 'test-env', secretId: 'x', secretKey: 'y' }) })
    const before = fake.actions().length
    // Every indicator of stats.headline for the district and month: its two summed reads.
    await store.sumAggregatesMany({ metrics: windowMetrics('month'), areas: [district], fromDay: '2026-06-01', toDay: '2026-06-30' })
    await store.sumAggregatesMany({ metrics: STANDING_METRICS, areas: [district], fromDay: '2000-01-01', toDay: '2026-06-30' })
    const used = fake.actions().length - before
    nock.cleanAll()
    nock.enableNetConnect()
    return used
  }
  const one = await requestsAt(1_000)
  const hundred = await requestsAt(100_000)
  return [
    { name: 'cloudbase.requests_per_headline.1x', value: one, unit: 'requests', note: 'every indicator of stats.headline for one district and one month on CloudBase (real SDK, faked HTTP API), 1,000 answers and 1,000 tickets; bounded by metrics × days × shards (100 documents a page), not by rows' },
    { name: 'cloudbase.requests_per_headline.100x', value: hundred, unit: 'requests', note: 'the same read with 100,000 answers and 100,000 tickets; it must not grow with the data once every metric has a cell on every day' }
  ]
}
