import { Agent } from 'node:http'
import type { RosterView } from '../core/volunteer/views'
import { benchUserId, post, quantile, round, signIn, startGateway } from './submit'
import type { BenchResult } from './types'

const PLACES = 100
const PEOPLE = 910
const DOUBLED = 90 // 10% of the 1,000 requests are a second tap of someone already in the burst
const CLIENTS = 200

/**
 * volunteer.signup through the gateway over loopback: 1,000 signups for 100 places fired at once (910 people, 90 of
 * them tapping twice), then the roster read back through the API: places never overbooked, nobody twice.
 */
export async function benchSignup (): Promise<BenchResult[]> {
  const names = Array.from({ length: PEOPLE }, (_, i) => `bench-vol-${i}`)
  const gw = await startGateway({ citizens: names })
  const agent = new Agent({ keepAlive: true, maxSockets: CLIENTS })
  try {
    const tokens = await signIn(agent, gw.port, ['u-organizer', ...names.map(benchUserId)], 50)
    const organizer = tokens.get('u-organizer')!
    const start = new Date(Date.now() + 72 * 3_600_000)
    const iso = (h: number) => new Date(start.getTime() + h * 3_600_000).toISOString()
    const saved = await post(agent, gw.port, 'volunteer', {
      action: 'saveEvent', kind: 'service', title: '压力测试：社区清扫', topic: '环境保护', address: '香樟路社区广场',
      startAt: iso(0), endAt: iso(2), capacity: PLACES, waitlistEnabled: true, cancelDeadline: iso(-24)
    }, organizer)
    if (!saved.ok) throw new Error(`saveEvent failed: ${saved.code}`)
    const eventId = (saved.data as { id: string }).id
    const published = await post(agent, gw.port, 'volunteer', { action: 'publishEvent', id: eventId }, organizer)
    if (!published.ok) throw new Error(`publishEvent failed: ${published.code}`)

    // Registration first (it makes each person a volunteer), so the burst is only signups.
    const people = names.map((n) => tokens.get(benchUserId(n))!)
    for (let i = 0; i < people.length; i += 50) {
      await Promise.all(people.slice(i, i + 50).map((u, k) => post(agent, gw.port, 'volunteer', {
        action: 'register', realName: '压测志愿者', phone: `138${String(i + k).padStart(8, '0')}`, community: '香樟路社区', skills: ['环境保护']
      }, u)))
    }

    const taps = [...people, ...people.slice(0, DOUBLED)]
    const latencies: number[] = []
    let failures = 0
    const t0 = process.hrtime.bigint()
    await Promise.all(taps.map(async (u) => {
      const t = process.hrtime.bigint()
      const r = await post(agent, gw.port, 'volunteer', { action: 'signup', eventId }, u)
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
      if (!r.ok) failures++
    }))
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9
    latencies.sort((a, b) => a - b)

    const roster = await post(agent, gw.port, 'volunteer', { action: 'roster', id: eventId }, organizer)
    if (!roster.ok) throw new Error(`roster failed: ${roster.code}`)
    const view = roster.data as RosterView
    const confirmed = view.entries.filter((e) => e.signup.status === 'confirmed').length
    const perPerson = new Map<string, number>()
    for (const e of view.entries) perPerson.set(e.signup.userId, (perPerson.get(e.signup.userId) ?? 0) + 1)
    const duplicates = [...perPerson.values()].filter((n) => n > 1).length
    const overbooked = Math.max(0, confirmed - PLACES) + Math.abs(view.event.taken - confirmed)
    const p = (q: number) => quantile(latencies, q)
    return [
      { name: 'signup.requests', value: taps.length, unit: 'requests', note: `${PEOPLE} volunteers (${DOUBLED} tapping twice) for ${PLACES} places, all fired at once over ${CLIENTS} keep-alive connections; ${failures} failed; ${confirmed} confirmed, ${view.counts.waitlisted} waitlisted` },
      { name: 'signup.overbooked', value: overbooked, unit: 'seats', note: 'confirmed beyond capacity, plus any difference between the seat counter and the confirmed rows, read back through volunteer.roster; must be 0' },
      { name: 'signup.duplicates', value: duplicates, unit: 'people', note: 'people with more than one signup on the event after the burst; must be 0' },
      { name: 'signup.per_s', value: round(taps.length / seconds, 0), unit: 'req/s', note: 'the burst\'s requests ÷ its wall time, gateway in its own process, SQLite (WAL) store' },
      { name: 'signup.p99_ms', value: round(p(0.99), 1), unit: 'ms', note: `p50 ${round(p(0.5))} ms, p95 ${round(p(0.95))} ms, max ${round(latencies[latencies.length - 1])} ms (all 1,000 queued at once, so this includes the wait)` }
    ]
  } finally {
    agent.destroy()
    await gw.stop()
  }
}
