import { aTicket } from '../testing/builders'
import { MERGE_NEAR_M, mergeCandidates, mergeDifferences, mergeRefusal } from './merge'

const NOW = '2026-11-20T00:00:00.000Z'
const here = { lng: 113.0, lat: 28.1 }
const metresEast = (m: number) => ({ lng: here.lng + m / (111_320 * Math.cos((here.lat * Math.PI) / 180)), lat: here.lat })
const at = (id: string, m: number, o: Parameters<typeof aTicket>[0] = {}) =>
  aTicket({ id, categoryId: 'c1', location: metresEast(m), state: 'dispatched', createdAt: '2026-11-19T00:00:00.000Z', ...o })
const names: Record<string, string> = { c1: '暴露垃圾', c2: '非法小广告' }
const name = (id: string) => names[id]

describe('merge candidates', () => {
  const duplicate = at('dup', 0, { state: 'triage' })

  it('offers open tickets of the same category within the office radius, nearest first, never the ticket itself', () => {
    const found = mergeCandidates([duplicate, at('far', MERGE_NEAR_M + 50), at('b', 250), at('a', 20)], duplicate, NOW)
    expect(found.map((c) => c.ticket.id)).toEqual(['a', 'b'])
  })

  it('leaves out other categories, closed and merged tickets', () => {
    const found = mergeCandidates([at('other', 5, { categoryId: 'c2' }), at('fixed', 5, { state: 'fixed' }), at('merged', 5, { mergedInto: 'x' })], duplicate, NOW)
    expect(found).toEqual([])
  })
})

describe('merge differences', () => {
  it('none for the same category at the same place', () => {
    expect(mergeDifferences(at('d', 0), at('o', 100), name)).toEqual([])
  })

  it('spells out another category and a far place', () => {
    expect(mergeDifferences(at('d', 0), at('o', 2400, { categoryId: 'c2' }), name)).toEqual([
      '类别不同：本案卷是「暴露垃圾」，原案卷是「非法小广告」',
      '地点相距 2.4 公里'
    ])
    expect(mergeDifferences(at('d', 0), at('o', 450), name)).toEqual(['地点相距 450 米'])
  })
})

describe('merge refusal', () => {
  it('allows an open original that is not itself merged', () => {
    expect(mergeRefusal({ id: 'd' }, { id: 'o', state: 'accepted', mergedInto: null })).toBeNull()
  })

  it('refuses the ticket itself, a merged original and a closed one', () => {
    expect(mergeRefusal({ id: 'd' }, { id: 'd', state: 'accepted', mergedInto: null })).toBe('不能合并到它自己')
    expect(mergeRefusal({ id: 'd' }, { id: 'o', state: 'closed', mergedInto: 'x' })).toMatch(/已合并到另一件/)
    expect(mergeRefusal({ id: 'd' }, { id: 'o', state: 'fixed', mergedInto: null })).toMatch(/已结案/)
  })
})
