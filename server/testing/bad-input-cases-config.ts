import { DEFAULT_SETTINGS } from '../../core/settings'
import { HUGE, type Case } from './bad-input'
import { emptyCases, table } from './bad-input-shapes'

/**
 * The bad-input cases of the office's categories and settings (the harness is bad-input.ts; the other tables are in
 * bad-input-cases.ts). The world saves no settings, so version 0 (the defaults) is the newest throughout.
 */

/** The seeded 小类 非法小广告, as the edit form would send it unchanged. */
const seededCategory = (): Record<string, unknown> => ({
  create: false, code: 'E02-01', parentCode: 'E02', kind: 'event', name: '非法小广告', icon: '📄',
  timeLimitHours: 72, department: '城管局', duplicateRadiusM: 30, allowAnonymous: true, active: true
})

const s = DEFAULT_SETTINGS
const validSave = (): Record<string, unknown> => ({ expectedVersion: 0, reason: '按新的考核办法调整', settings: { ...s, reportsPerHour: 5 } })
/** A save with `patch` applied to the settings document. */
const withSettings = (patch: Record<string, unknown>) => () => ({ settings: { ...s, reportsPerHour: 5, ...patch } })
const withVolunteer = (patch: Record<string, unknown>) => withSettings({ volunteer: { ...s.volunteer, ...patch } })

export const CONFIG_CASES: Case[] = [
  ...emptyCases({ fn: 'admin', action: 'categories' }),
  ...emptyCases({ fn: 'admin', action: 'settings' }),

  ...table('admin', 'saveCategory', seededCategory, [
    ['create missing', { create: undefined }],
    ['create a string', { create: 'yes' }],
    ['code missing', { code: undefined }],
    ['code of no known shape', { code: 'E2-1' }],
    ['code in lower case', { code: 'e02-01' }],
    ['code of three digits', { code: '123' }],
    ['code of 10,000 chars', { code: HUGE }],
    ['code an object (query-operator junk)', { code: { $ne: '' } }],
    ['parentCode not the code\'s 大类', { parentCode: 'E03' }],
    ['parentCode missing', { parentCode: undefined }],
    ['a 大类 with a parent', { code: 'E02', parentCode: 'E01' }],
    ['kind not the code\'s', { kind: 'component' }],
    ['kind unknown', { kind: 'thing' }],
    ['name one char', { name: '广' }],
    ['name of 10,000 chars', { name: HUGE }],
    ['name a number', { name: 12345 }],
    ['icon empty', { icon: '' }],
    ['icon of 10,000 chars', { icon: HUGE }],
    ['timeLimitHours 0', { timeLimitHours: 0 }],
    ['timeLimitHours over 90 days', { timeLimitHours: 2161 }],
    ['timeLimitHours fractional', { timeLimitHours: 1.5 }],
    ['timeLimitHours a string', { timeLimitHours: '24' }],
    ['timeLimitHours NaN', { timeLimitHours: Number.NaN }],
    ['duplicateRadiusM negative', { duplicateRadiusM: -1 }],
    ['duplicateRadiusM 501', { duplicateRadiusM: 501 }],
    ['department one char', { department: '城' }],
    ['allowAnonymous a string', { allowAnonymous: 'yes' }],
    ['active null', { active: null }],
    // Well-formed, refused by the taxonomy's rules (core/categories.ts categoryRefusal).
    ['create with a code in use', { create: true }],
    ['create a 小类 whose 大类 does not exist', { create: true, code: 'E09-01', parentCode: 'E09' }],
    ['switch off a 大类 that still has active 小类', { code: 'E02', parentCode: null, name: '宣传广告', icon: '📢', duplicateRadiusM: 50, active: false }],
    ['edit a code nobody has', { code: 'E02-99' }, 'NOT_FOUND']
  ]),

  ...table('admin', 'saveSettings', validSave, [
    ['expectedVersion missing', { expectedVersion: undefined }],
    ['expectedVersion negative', { expectedVersion: -1 }],
    ['expectedVersion fractional', { expectedVersion: 0.5 }],
    ['expectedVersion a string', { expectedVersion: '0' }],
    ['expectedVersion not the newest (stale)', { expectedVersion: 3 }, 'CONFLICT'],
    ['reason missing', { reason: undefined }],
    ['reason three chars', { reason: '调一下' }],
    ['reason of 10,000 chars', { reason: HUGE }],
    ['settings missing', { settings: undefined }],
    ['settings null', { settings: null }],
    ['settings an array', { settings: [1, 2] }],
    ['settings the same as now', { settings: s }],
    ['reportsPerHour 0', withSettings({ reportsPerHour: 0 })],
    ['reportsPerHour 101', withSettings({ reportsPerHour: 101 })],
    ['reportsPerHour fractional', withSettings({ reportsPerHour: 2.5 })],
    ['reportsPerHour a string', withSettings({ reportsPerHour: '10' })],
    ['reportsPerHour NaN', withSettings({ reportsPerHour: Number.NaN })],
    ['reportsPerHour Infinity', withSettings({ reportsPerHour: Number.POSITIVE_INFINITY })],
    ['reportsPerHour an object (query-operator junk)', withSettings({ reportsPerHour: { $gt: 0 } })],
    ['reportsPerHour over reportsPerDay', withSettings({ reportsPerHour: 50, reportsPerDay: 40 })],
    ['reportsPerDay missing', withSettings({ reportsPerDay: undefined })],
    ['adminVerifyAfterDays not before verifyWindowDays', withSettings({ adminVerifyAfterDays: 3, verifyWindowDays: 3 })],
    ['reopenWindowDays 91', withSettings({ reopenWindowDays: 91 })],
    ['a target over 1', withSettings({ targets: { ...s.targets, awareness: 1.5 } })],
    ['a target negative', withSettings({ targets: { ...s.targets, support: -0.1 } })],
    ['targets missing one', withSettings({ targets: { awareness: 0.8, support: 0.8, satisfaction: 0.9 } })],
    ['minSample 4', withSettings({ minSample: 4 })],
    ['minSample 1,001', withSettings({ minSample: 1001 })],
    ['ageStructure with a bad area code', withSettings({ ageStructure: { 4301: { '18-29': 100 } } })],
    ['ageStructure with a band not surveyed', withSettings({ ageStructure: { 430111: { other: 100 } } })],
    ['ageStructure with negative residents', withSettings({ ageStructure: { 430111: { '18-29': -5 } } })],
    ['volunteer missing', withSettings({ volunteer: undefined })],
    ['offerHours 0', withVolunteer({ offerHours: 0 })],
    ['minAttendShare 1.2', withVolunteer({ minAttendShare: 1.2 })],
    ['maxHoursPerEvent 0', withVolunteer({ maxHoursPerEvent: 0 })],
    ['maxHoursPerEvent 25', withVolunteer({ maxHoursPerEvent: 25 })],
    ['checkinRadiusM 10', withVolunteer({ checkinRadiusM: 10 })],
    ['qrRotateSeconds 5', withVolunteer({ qrRotateSeconds: 5 })],
    ['promoteOnEventDay a string', withVolunteer({ promoteOnEventDay: 'no' })],
    ['starThresholds not ascending', withVolunteer({ starThresholds: [300, 100, 600] })],
    ['starThresholds empty', withVolunteer({ starThresholds: [] })],
    ['starThresholds of 11 levels', withVolunteer({ starThresholds: Array.from({ length: 11 }, (_, i) => (i + 1) * 100) })],
    ['starThresholds with 0', withVolunteer({ starThresholds: [0, 100] })],
    ['issuer contact empty', withVolunteer({ issuer: { ...s.volunteer.issuer, contact: '' } })],
    ['issuer missing', withVolunteer({ issuer: undefined })]
  ])
]
