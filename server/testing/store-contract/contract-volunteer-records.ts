import type { Certificate, VolunteerProfile } from '../../../core/types'
import type { Store } from '../../ports/store'
import { aUser, isoAt } from '../../../core/testing/builders'
import { isStoreError } from '../../ports/errors'
import { ids, readAllPages } from './pages'

/** The volunteer's record kept apart from seats: registrations and certificates (volunteerContract has the seats). */

const aProfile = (o: Partial<VolunteerProfile> = {}): VolunteerProfile => ({
  userId: 'user-v',
  realName: '王小明',
  phone: '13800001234',
  homeGridId: 'grid-1',
  community: '清波社区',
  skills: ['环境保护', '居家养老'],
  volunteerNo: 'V2025000001',
  registeredAt: isoAt(0),
  ...o
})

const aCertificate = (o: Partial<Certificate> = {}): Certificate => ({
  number: 'ZZ2025-000001',
  checkCode: 'K7Q2M9',
  userId: 'user-v',
  issuedAt: isoAt(0),
  realName: '王小明',
  volunteerNo: 'V2025000001',
  earnedHours: 12.5,
  manualHours: 2,
  serviceCount: 3,
  firstServiceAt: isoAt(-60 * 24 * 30),
  lastServiceAt: isoAt(-60 * 24),
  topics: ['环境保护'],
  records: [{ title: '清波社区垃圾分类宣传', kind: 'service', topic: '环境保护', date: '2025-02-01', hours: 2, manual: false }],
  issuer: { organisation: '清波街道文明办', personInCharge: '李主任', handler: '张干事', contact: '0571-88888888' },
  ...o
})

export function volunteerRecordsContract (store: () => Store): void {
  const expectNotFound = async (p: Promise<unknown>): Promise<void> => {
    const err: unknown = await p.then(() => null, (e: unknown) => e)
    expect(isStoreError(err)).toBe(true)
    expect(err).toMatchObject({ code: 'NOT_FOUND' })
  }

  describe('volunteer profiles', () => {
    it('registers a person once: concurrent calls answer one profile and add the volunteer role once', async () => {
      await store().putUser(aUser({ id: 'user-v', roles: ['citizen'] }))
      const calls = await Promise.all([1, 2, 3, 4, 5].map((i) => store().registerVolunteer(aProfile({ volunteerNo: `V202500000${i}` }))))
      const standing = await store().getVolunteer('user-v')
      expect(standing).not.toBeNull()
      for (const p of calls) expect(p).toEqual(standing)
      expect(calls.map((p) => p.volunteerNo)).toContain(standing?.volunteerNo)
      const user = await store().getUser('user-v')
      expect(user?.roles.filter((r) => r === 'volunteer')).toEqual(['volunteer'])
      expect(user?.roles).toContain('citizen')
      expect(ids((await store().listUsers({ role: 'volunteer' })).items)).toEqual(['user-v'])

      expect(await store().registerVolunteer(aProfile({ realName: '王小红', volunteerNo: 'V2025000099' }))).toEqual(standing)
      expect(await store().getVolunteer('user-v')).toEqual(standing)
    })

    it('round-trips the profile and keeps a volunteer role the person already had single', async () => {
      await store().putUser(aUser({ id: 'user-w', roles: ['citizen', 'volunteer'] }))
      const profile = aProfile({ userId: 'user-w', homeGridId: null, skills: [] })
      expect(await store().registerVolunteer(profile)).toEqual(profile)
      expect(await store().getVolunteer('user-w')).toEqual(profile)
      expect((await store().getUser('user-w'))?.roles).toEqual(['citizen', 'volunteer'])
    })

    it('refuses an unknown person with NOT_FOUND and stores nothing', async () => {
      await expectNotFound(store().registerVolunteer(aProfile({ userId: 'user-missing' })))
      expect(await store().getVolunteer('user-missing')).toBeNull()
      expect(await store().getUser('user-missing')).toBeNull()
    })
  })

  describe('certificates', () => {
    it('adds a certificate once per number, and reads it back', async () => {
      const first = aCertificate()
      expect(await store().addCertificate(first)).toBe(true)
      expect(await store().addCertificate(aCertificate({ checkCode: 'OTHER1', earnedHours: 99 }))).toBe(false)
      expect(await store().getCertificate(first.number)).toEqual(first)
      expect(await store().getCertificate('ZZ2025-999999')).toBeNull()
    })

    it('adds one of several concurrent certificates with the same number', async () => {
      const added = await Promise.all([1, 2, 3].map((i) => store().addCertificate(aCertificate({ checkCode: `CODE-${i}` }))))
      expect(added.filter(Boolean)).toHaveLength(1)
      const stored = await store().getCertificate(aCertificate().number)
      expect(stored?.checkCode).toBe(`CODE-${added.indexOf(true) + 1}`)
    })

    it('lists a person’s certificates newest first, paged', async () => {
      const plan: Array<[string, string, number]> = [
        ['ZZ2025-000001', 'user-v', 10], ['ZZ2025-000003', 'user-v', 20], ['ZZ2025-000002', 'user-v', 20],
        ['ZZ2025-000004', 'user-v', 30], ['ZZ2025-000005', 'user-x', 40]
      ]
      for (const [number, userId, m] of plan) await store().addCertificate(aCertificate({ number, userId, issuedAt: isoAt(m) }))
      const numbers = (items: Certificate[]) => items.map((c) => c.number)
      const pages = await readAllPages((cursor) => store().listCertificates({ userId: 'user-v', cursor, limit: 2 }))
      expect(pages.map(numbers)).toEqual([['ZZ2025-000004', 'ZZ2025-000003'], ['ZZ2025-000002', 'ZZ2025-000001']])
      expect((await store().listCertificates({ userId: 'user-x' })).items).toEqual([aCertificate({ number: 'ZZ2025-000005', userId: 'user-x', issuedAt: isoAt(40) })])
      expect(await store().listCertificates({ userId: 'user-none' })).toEqual({ items: [], next: null })
    })
  })
}
