import { Agent } from 'node:http'
import { recountCells, responseCells, SURVEY_METRICS, rateOfSums } from '../core/indicators/aggregates'
import { surveyIndicators } from '../core/indicators/survey'
import { mulberry32 } from '../core/prng'
import { SURVEY_TEMPLATES } from '../core/survey-templates'
import type { Survey, SurveyResponse } from '../core/types'
import { createSqliteStore } from '../server/adapters/sqlite'
import { readAll } from '../server/paging'
import { buildGrids } from '../server/seed/grids'
import { post, quantile, round, startGateway } from './submit'
import type { BenchResult } from './types'

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1_000_000)
const DAYS = 365

/**
 * Survey indicators at city scale in the SQLite store: 1,000,000 answers written with their aggregate cells (as the
 * answer action writes them), then every survey indicator for one district and one month read from the cells, and
 * the same figures recounted from the raw answers.
 */
export async function benchIndicators (): Promise<BenchResult[]> {
  const store = createSqliteStore({ file: ':memory:' })
  const grids = buildGrids()
  const t = SURVEY_TEMPLATES.find((x) => x.id === 'satisfaction')!
  const survey: Survey = { id: 'sv-bench', ...structuredClone(t.survey), status: 'open', opensAt: '2026-01-01T00:00:00.000Z', closesAt: '2027-01-01T00:00:00.000Z', createdAt: '2026-01-01T00:00:00.000Z' }
  const awareness = SURVEY_TEMPLATES.find((x) => x.id === 'awareness')!
  survey.questions.push(...awareness.survey.questions.filter((q) => q.indicator !== 'none').map((q) => ({ ...q, id: `a_${q.id}`, showIf: null })))
  await store.putSurvey(survey)
  const rng = mulberry32(8)
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < ANSWERS; i++) {
    const g = grids[Math.floor(rng() * grids.length)]
    const answers = Object.fromEntries(survey.questions.filter((q) => q.type !== 'text').map((q) => [q.id, [Math.floor(rng() * q.options.length)]]))
    const r: SurveyResponse = { id: `r${i}`, surveyId: survey.id, userId: `u${i}`, gridId: g.id, areaCode: g.code, answers, at: new Date(start + Math.floor(rng() * DAYS * 86_400_000)).toISOString() }
    await store.addResponse(r, null, responseCells(survey.questions, r, g.code))
  }
  const writeSeconds = Number(process.hrtime.bigint() - t0) / 1e9

  const district = grids[0].code.slice(0, 6)
  const read = async () => Promise.all(SURVEY_METRICS.map(async (m) => rateOfSums(await store.sumAggregates(m, district, '2026-06-01', '2026-06-30'))))
  await read()
  const reads: number[] = []
  let fromCells = await read()
  for (let i = 0; i < 50; i++) {
    const s = process.hrtime.bigint()
    fromCells = await read()
    reads.push(Number(process.hrtime.bigint() - s) / 1e6)
  }
  reads.sort((a, b) => a - b)

  const r0 = process.hrtime.bigint()
  const all = await readAll((p) => store.listResponses({ ...p, limit: 100 }), 2_000_000, '答卷')
  const inScope = all.filter((r) => (r.areaCode ?? '').startsWith(district) && r.at >= '2026-05-31T16:00:00.000Z' && r.at < '2026-06-30T16:00:00.000Z')
  const recounted = surveyIndicators(survey.questions, inScope)
  const recountMs = Number(process.hrtime.bigint() - r0) / 1e6
  // The reconciliation's own recount of every cell (the timer's daily job), timed apart.
  const c0 = process.hrtime.bigint()
  recountCells(new Map([[survey.id, survey]]), all, (r) => r.areaCode ?? null)
  const cellsMs = Number(process.hrtime.bigint() - c0) / 1e6
  const exact = SURVEY_METRICS.every((m, i) => fromCells[i].denominator === recounted[m].denominator && Math.abs((fromCells[i].value ?? 0) - (recounted[m].value ?? 0)) < 1e-9)
  await store.close()

  const readMs = quantile(reads, 0.5)
  const answersPerS = await burstAnswers()
  return [
    { name: 'indicators.read_ms', value: round(readMs, 2), unit: 'ms', note: `知晓率, 支持率, 满意率 for one district (${district}) and one month from the aggregate cells, ${ANSWERS.toLocaleString('en')} answers in the SQLite store; median of 50, p95 ${round(quantile(reads, 0.95), 2)} ms; target ≤ 20 ms. Ticket indicators and 参与率 are still recounted per read (not in this figure)` },
    { name: 'indicators.recount_ms', value: round(recountMs, 0), unit: 'ms', note: `the same three rates recounted from the raw answers (read every answer through the port, filter, score); the reconciliation's recount of every cell took ${round(cellsMs, 0)} ms more; writing the ${ANSWERS.toLocaleString('en')} answers with their cells took ${round(writeSeconds, 1)} s (${round(ANSWERS / writeSeconds, 0)}/s)` },
    { name: 'indicators.speedup_vs_recount', value: round(recountMs / readMs, 0), unit: '×', note: 'indicators.recount_ms ÷ indicators.read_ms; target ≥ 100×' },
    { name: 'indicators.exact', value: exact ? 1 : 0, unit: 'bool', note: 'the read from the cells equals the recount (n exactly, rates to 1e-9)' },
    answersPerS
  ]
}

/** 1,000 concurrent answers of 1,000 residents to one survey through the gateway over loopback. */
async function burstAnswers (): Promise<BenchResult> {
  const gw = await startGateway()
  const agent = new Agent({ keepAlive: true, maxSockets: 200 })
  try {
    const list = await post(agent, gw.port, 'surveys', { action: 'list' }, 'bench-answer-0')
    const survey = (list.data as { items: Array<{ id: string; questions: Array<{ id: string; type: string; options: string[] }> }> }).items[0]
    const answers = Object.fromEntries(survey.questions.filter((q) => q.type !== 'text').map((q) => [q.id, [0]]))
    const people = Array.from({ length: 1000 }, (_, i) => `bench-answer-${i}`)
    for (let i = 0; i < people.length; i += 50) await Promise.all(people.slice(i, i + 50).map((u) => post(agent, gw.port, 'users', { action: 'me' }, u)))
    const latencies: number[] = []
    let failed = 0
    const t0 = process.hrtime.bigint()
    await Promise.all(people.map(async (u, i) => {
      const s = process.hrtime.bigint()
      const r = await post(agent, gw.port, 'surveys', { action: 'answer', surveyId: survey.id, answers, clientKey: `bench-key-${i}` }, u)
      latencies.push(Number(process.hrtime.bigint() - s) / 1e6)
      if (!r.ok) failed++
    }))
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    latencies.sort((a, b) => a - b)
    return { name: 'answers.per_s', value: round(people.length / seconds, 0), unit: 'req/s', note: `1,000 concurrent surveys.answer (each with its aggregate cells) over loopback, gateway in its own process, SQLite; ${failed} failed; p99 ${round(quantile(latencies, 0.99), 1)} ms with all queued at once` }
  } finally {
    agent.destroy()
    await gw.stop()
  }
}
