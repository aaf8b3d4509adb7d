import { Agent } from 'node:http'
import { recountCells, responseCells } from '../core/indicators/aggregates'
import { indicatorSet, STANDING_METRICS, sumsOf, windowMetrics } from '../core/indicators/read'
import { asEffects, recountAll, recountForReconcile } from '../core/indicators/recount'
import type { IndicatorSet } from '../core/indicators/views'
import { aTicket } from '../core/testing/builders'
import { mulberry32 } from '../core/prng'
import { SURVEY_TEMPLATES } from '../core/survey-templates'
import type { Grid, Survey, SurveyResponse, Ticket, TicketState } from '../core/types'
import { createSqliteStore } from '../server/adapters/sqlite'
import { readAll } from '../server/paging'
import { buildGrids } from '../server/seed/grids'
import { benchUserId, post, quantile, round, signIn, startGateway } from './submit'
import type { BenchResult } from './types'

const ANSWERS = Number(process.env.BENCH_ANSWERS ?? 1_000_000)
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000)
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
  const codeOf = new Map(grids.map((g) => [g.id, g.code]))
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < ANSWERS; i++) {
    const g = grids[Math.floor(rng() * grids.length)]
    const answers = Object.fromEntries(survey.questions.filter((q) => q.type !== 'text').map((q) => [q.id, [Math.floor(rng() * q.options.length)]]))
    const r: SurveyResponse = { id: `r${i}`, surveyId: survey.id, userId: `u${i}`, gridId: g.id, areaCode: g.code, answers, at: new Date(start + Math.floor(rng() * DAYS * 86_400_000)).toISOString() }
    await store.addResponse(r, null, responseCells(survey.questions, r, g.code))
  }
  const writeSeconds = Number(process.hrtime.bigint() - t0) / 1e9

  // 100,000 tickets through every state, imported with the cells and participation marks their writes add.
  const tickets = benchTickets(grids, TICKETS, rng)
  const i0 = process.hrtime.bigint()
  const effects = recountAll({ surveys: new Map(), responses: [], tickets, signups: [], volunteers: [], gridCodeOf: (id) => codeOf.get(id ?? '') ?? null })
  await store.importTickets(tickets, [], asEffects(effects))
  const importSeconds = Number(process.hrtime.bigint() - i0) / 1e9

  const district = grids[0].code.slice(0, 6)
  const base = grids.filter((g) => g.code.startsWith(district)).reduce((n, g) => n + g.population, 0)
  const ctx = { grain: 'month' as const, residentBase: base, minSample: 30 }
  // Every indicator of one district and one month: the two summed reads stats.headline makes, then core's one read rule.
  const read = async () => {
    const [win, standing] = await Promise.all([
      store.sumAggregatesMany({ metrics: windowMetrics('month'), areas: [district], fromDay: '2026-06-01', toDay: '2026-06-30' }),
      store.sumAggregatesMany({ metrics: STANDING_METRICS, areas: [district], fromDay: '2000-01-01', toDay: '2026-06-30' })
    ])
    return indicatorSet(sumsOf(win), sumsOf(standing), ctx)
  }
  await read()
  const reads: number[] = []
  let fromCells = await read()
  for (let i = 0; i < 50; i++) {
    const s = process.hrtime.bigint()
    fromCells = await read()
    reads.push(Number(process.hrtime.bigint() - s) / 1e6)
  }
  reads.sort((a, b) => a - b)

  // The same figures recounted from the raw rows: every answer and ticket read through the port, filtered, counted.
  const r0 = process.hrtime.bigint()
  const all = await readAll((p) => store.listResponses({ ...p, limit: 100 }), 2_000_000, '答卷')
  const allTickets = await readAll((p) => store.listTickets({ ...p, limit: 100 }), 2_000_000, '案卷')
  const inJune = (iso: string) => iso >= '2026-05-31T16:00:00.000Z' && iso < '2026-06-30T16:00:00.000Z'
  // The answers were written without 参与率 marks (see the note), so the recount counts the month's distinct reporters.
  const surveyCells = recountCells(new Map([[survey.id, survey]]), all.filter((r) => (r.areaCode ?? '').startsWith(district) && inJune(r.at)), (r) => r.areaCode ?? null)
  const scoped = recountAll({
    surveys: new Map(), responses: [],
    tickets: allTickets.filter((t) => (codeOf.get(t.gridId ?? '') ?? '').startsWith(district) && inJune(t.createdAt)),
    signups: [], volunteers: [], gridCodeOf: (id) => codeOf.get(id ?? '') ?? null
  })
  const recounted = indicatorSet(sumsOf([...surveyCells, ...scoped.cells].filter((c) => c.area === district)), new Map(), ctx)
  const recountMs = Number(process.hrtime.bigint() - r0) / 1e6
  // The reconciliation's own recount of every cell (the timer's daily job), timed apart.
  const c0 = process.hrtime.bigint()
  recountForReconcile({ surveys: new Map([[survey.id, survey]]), responses: all, tickets: allTickets, signups: [], volunteers: [], gridCodeOf: (id) => codeOf.get(id ?? '') ?? null })
  const cellsMs = Number(process.hrtime.bigint() - c0) / 1e6
  const exact = sameFigures(fromCells, recounted)
  await store.close()

  const readMs = quantile(reads, 0.5)
  const answersPerS = await burstAnswers()
  return [
    { name: 'indicators.read_ms', value: round(readMs, 2), unit: 'ms', note: `every indicator (知晓率, 支持率, 满意率, 整改满意率, 参与率, 志愿者注册率, 结案率, 按期结案率, 返工率, mean and median times, open/overdue/缓办) for one district (${district}) and one month from the aggregate cells, ${ANSWERS.toLocaleString('en')} answers and ${TICKETS.toLocaleString('en')} tickets in the SQLite store; median of 50, p95 ${round(quantile(reads, 0.95), 2)} ms; target ≤ 20 ms. The answers here carry their cells but not their 参与率 marks (25 per answer: left out to keep the bench's memory and time in bounds; the marks' cost per answer is inside answers.per_s)` },
    { name: 'indicators.recount_ms', value: round(recountMs, 0), unit: 'ms', note: `the same figures recounted from the raw rows (read every answer and ticket through the port, filter, count by core's rules); the reconciliation's recount of every cell took ${round(cellsMs, 0)} ms more; writing the ${ANSWERS.toLocaleString('en')} answers with their cells took ${round(writeSeconds, 1)} s (${round(ANSWERS / writeSeconds, 0)}/s), importing the tickets with their cells and marks ${round(importSeconds, 1)} s` },
    { name: 'indicators.speedup_vs_recount', value: round(recountMs / readMs, 0), unit: '×', note: 'indicators.recount_ms ÷ indicators.read_ms; target ≥ 100×' },
    { name: 'indicators.exact', value: exact ? 1 : 0, unit: 'bool', note: 'every figure of the read from the cells equals the recount (counts exactly, rates and means to 1e-9)' },
    answersPerS
  ]
}

/** 1,000 concurrent answers of 1,000 residents to one survey through the gateway over loopback. */
async function burstAnswers (): Promise<BenchResult> {
  const names = Array.from({ length: 1000 }, (_, i) => `bench-answer-${i}`)
  const gw = await startGateway({ citizens: names })
  const agent = new Agent({ keepAlive: true, maxSockets: 200 })
  try {
    const tokens = await signIn(agent, gw.port, names.map(benchUserId), 50)
    const people = names.map((n) => tokens.get(benchUserId(n))!)
    const list = await post(agent, gw.port, 'surveys', { action: 'list' }, people[0])
    const survey = (list.data as { items: Array<{ id: string; questions: Array<{ id: string; type: string; options: string[] }> }> }).items[0]
    const answers = Object.fromEntries(survey.questions.filter((q) => q.type !== 'text').map((q) => [q.id, [0]]))
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

const STATES: TicketState[] = ['triage', 'dispatched', 'accepted', 'resolved', 'rework', 'fixed', 'fixed', 'fixed', 'closed', 'closed']

/** Tickets over the year in every state, with the times and flags the indicators read. */
function benchTickets (grids: readonly Grid[], n: number, rng: () => number): Ticket[] {
  const start = Date.parse('2026-01-01T00:00:00.000Z')
  const iso = (ms: number) => new Date(ms).toISOString()
  return Array.from({ length: n }, (_, i) => {
    const g = grids[Math.floor(rng() * grids.length)]
    const created = start + Math.floor(rng() * DAYS * 86_400_000)
    const state = STATES[Math.floor(rng() * STATES.length)]
    const open = state !== 'fixed' && state !== 'closed'
    const hours = (h: number) => iso(created + h * 3_600_000)
    return aTicket({
      id: `bt${i}`, clientRequestId: `bench-${i}`, reporterId: `p${Math.floor(rng() * 50_000)}`, gridId: state === 'triage' ? null : g.id, state,
      createdAt: iso(created), deadline: hours(72), overdue: open && rng() < 0.2, reworkCount: rng() < 0.05 ? 1 : 0,
      dispatchedAt: state === 'triage' ? null : hours(rng() * 4), resolvedAt: open && state !== 'resolved' ? null : hours(4 + rng() * 90),
      closedAt: open ? null : hours(10 + rng() * 100), rating: state === 'fixed' && rng() < 0.6 ? (['satisfied', 'basic', 'unsatisfied'] as const)[Math.floor(rng() * 3)] : null,
      deferral: open && rng() < 0.02 ? { at: hours(50), by: 'u-admin', reason: '等待采购', originalDeadline: hours(72), until: hours(400) } : null
    })
  })
}

/** Two reads of every indicator agree: counts exactly, rates and means to 1e-9. */
function sameFigures (a: IndicatorSet, b: IndicatorSet): boolean {
  const close = (x: unknown, y: unknown): boolean => {
    if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) < 1e-9
    if (x && y && typeof x === 'object' && typeof y === 'object') return Object.keys({ ...x, ...y }).every((k) => close((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k]))
    return x === y
  }
  const { volunteerRegistration: _a, ...restA } = a
  const { volunteerRegistration: _b, ...restB } = b
  return close(restA, restB)
}
