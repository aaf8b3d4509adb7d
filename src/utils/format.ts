import dayjs from 'dayjs'

export const dateTime = (iso: string | null): string => (iso ? dayjs(iso).format('MM-DD HH:mm') : '—')

/** "还剩 5 小时" / "已超期 2 天" relative to now. */
export function deadlineText (deadlineIso: string, nowMs: number): string {
  const diffH = (Date.parse(deadlineIso) - nowMs) / 3_600_000
  const abs = Math.abs(diffH)
  const span = abs >= 48 ? `${Math.floor(abs / 24)} 天` : `${Math.max(1, Math.round(abs))} 小时`
  return diffH >= 0 ? `还剩 ${span}` : `已超期 ${span}`
}
