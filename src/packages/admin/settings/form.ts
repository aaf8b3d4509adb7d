import { WEIGHTED_BANDS } from '../../../../core/indicators/age'
import type { Settings } from '../../../../core/settings'
import {
  saveSettingsInput, settingChanges, settingsSchema, settingValue, shownNumber, SETTING_FIELDS, withSetting,
  type SaveSettingsInput, type SettingChange, type SettingField, type SettingPath
} from '../../../../core/settings-schema'
import type { AgeBand } from '../../../../core/types'

/**
 * The settings form as typed: each field's text (a share as its percentage, star hours as "100/300/600"), and the
 * age structure as rows. Turned back into a settings document and checked with the server's own schema on save.
 */

type ScalarPath = Exclude<SettingPath, 'ageStructure'>
export type Band = Exclude<AgeBand, 'other'>
export interface AgeRow { key: number; code: string; bands: Record<Band, string> }
export interface SettingsDraft { values: Record<ScalarPath, string | boolean>; ages: AgeRow[] }

/** A field's place in the page: its path with dashes (ids and `data-` names), 'reason', or 'ageStructure'. */
export type Place = string
export const placeOf = (path: string): Place => path.replace(/\./g, '-')

const THRESHOLD_SPLIT = /[\s,，、/]+/

function textOf (f: SettingField, v: unknown): string | boolean {
  switch (f.kind) {
    case 'number': return v === null || v === undefined ? '' : shownNumber(f, Number(v))
    case 'boolean': return Boolean(v)
    case 'thresholds': return (v as number[]).join('/')
    case 'text': return String(v ?? '')
    case 'ageStructure': return ''
  }
}

let rowKey = 0
export const blankAgeRow = (code = ''): AgeRow => ({ key: ++rowKey, code, bands: Object.fromEntries(WEIGHTED_BANDS.map((b) => [b, ''])) as Record<Band, string> })

export function draftOf (s: Settings): SettingsDraft {
  const values = Object.fromEntries(SETTING_FIELDS.filter((f) => f.kind !== 'ageStructure').map((f) => [f.path, textOf(f, settingValue(s, f.path))])) as SettingsDraft['values']
  const ages = Object.entries(s.ageStructure).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([code, bands]) => {
    const row = blankAgeRow(code)
    for (const b of WEIGHTED_BANDS) row.bands[b as Band] = bands[b] === undefined ? '' : String(bands[b])
    return row
  })
  return { values, ages }
}

/** The field's text as the default has it (for 恢复默认 and to tell whether it differs). */
export const defaultText = (f: Exclude<SettingField, { kind: 'ageStructure' }>, defaults: Settings): string | boolean => textOf(f, settingValue(defaults, f.path))

const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()))

/** The draft as a settings document (unchecked: the schema says what is wrong). */
export function settingsOf (d: SettingsDraft, base: Settings): Settings {
  let s = base
  for (const f of SETTING_FIELDS) {
    if (f.kind === 'ageStructure') continue
    const v = d.values[f.path]
    switch (f.kind) {
      case 'number': {
        const text = String(v)
        const n = numberOf(text)
        s = withSetting(s, f.path, f.nullable && text.trim() === '' ? null : f.percent ? n / 100 : n)
        break
      }
      case 'boolean': s = withSetting(s, f.path, Boolean(v)); break
      case 'thresholds': s = withSetting(s, f.path, String(v).split(THRESHOLD_SPLIT).filter((x) => x !== '').map(Number)); break
      case 'text': s = withSetting(s, f.path, String(v)); break
    }
  }
  const ageStructure: Record<string, Partial<Record<Band, number>>> = {}
  for (const row of d.ages) {
    const entered = WEIGHTED_BANDS.filter((b) => row.bands[b as Band].trim() !== '')
    ageStructure[row.code.trim()] = Object.fromEntries(entered.map((b) => [b, numberOf(row.bands[b as Band])]))
  }
  return { ...s, ageStructure }
}

/** Which of the page's places an issue belongs to: the longest field path it starts with. */
export function placeOfIssue (path: ReadonlyArray<PropertyKey>): Place {
  if (path[0] === 'reason') return 'reason'
  const inSettings = path.slice(1).map(String)
  if (inSettings[0] === 'ageStructure') return 'ageStructure'
  const joined = inSettings.join('.')
  const field = [...SETTING_FIELDS].sort((a, b) => b.path.length - a.path.length).find((f) => joined === f.path || joined.startsWith(`${f.path}.`))
  return field ? placeOf(field.path) : 'general'
}

export type Checked =
  | { ok: true; input: SaveSettingsInput; changes: SettingChange[] }
  | { ok: false; place: Place; message: string }

/** The save as the server will check it: the values first, then whether anything changed, then the reason. */
export function checkDraft (d: SettingsDraft, current: { version: number; settings: Settings }, reason: string): Checked {
  const values = settingsSchema.safeParse(settingsOf(d, current.settings))
  if (!values.success) return { ok: false, place: placeOfIssue(['settings', ...values.error.issues[0].path]), message: values.error.issues[0].message }
  const changes = settingChanges(current.settings, values.data)
  if (changes.length === 0) return { ok: false, place: 'general', message: '还没有改动任何设置' }
  const parsed = saveSettingsInput.safeParse({ expectedVersion: current.version, reason, settings: values.data })
  if (!parsed.success) return { ok: false, place: placeOfIssue(parsed.error.issues[0].path), message: parsed.error.issues[0].message }
  return { ok: true, input: parsed.data, changes }
}
