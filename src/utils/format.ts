import dayjs from 'dayjs'

/** 85.0%; small shares keep two significant digits (0.0082%) so a real figure never reads as 0. */
export function percent (v: number | null, digits = 1): string {
  if (v === null) return '—'
  const p = v * 100
  if (p > 0 && p < 1) return `${p.toPrecision(2)}%`
  return `${p.toFixed(digits)}%`
}
export const dateTime = (iso: string | null): string => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—')

/** "还剩 5 小时" / "已超期 2 天" relative to now. */
export function deadlineText (deadlineIso: string, nowMs: number): string {
  const diffH = (Date.parse(deadlineIso) - nowMs) / 3_600_000
  const abs = Math.abs(diffH)
  const span = abs >= 48 ? `${Math.floor(abs / 24)} 天` : `${Math.max(1, Math.round(abs))} 小时`
  return diffH >= 0 ? `还剩 ${span}` : `已超期 ${span}`
}
