/** 志愿者编号 and the masks everyone but the office sees. */

/** 138****1234 */
export function maskPhone (phone: string): string {
  const digits = phone.replace(/\D/g, '')
  if (digits.length < 7) return '****'
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** 张*明, 李* */
export function maskName (name: string): string {
  const chars = [...name]
  if (chars.length <= 1) return name
  if (chars.length === 2) return `${chars[0]}*`
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`
}

/** V + year + six-digit sequence of registrations, e.g. V2026000123. */
export function volunteerNumber (registeredAtIso: string, seq: number): string {
  const year = new Date(Date.parse(registeredAtIso) + 8 * 3_600_000).getUTCFullYear()
  return `V${year}${String(seq).padStart(6, '0')}`
}

/** 志证 + year + six-digit sequence, e.g. ZZ2026-000042. */
export function certificateNumber (issuedAtIso: string, seq: number): string {
  const year = new Date(Date.parse(issuedAtIso) + 8 * 3_600_000).getUTCFullYear()
  return `ZZ${year}-${String(seq).padStart(6, '0')}`
}

export const counterKeys = {
  volunteerNo: 'seq:volunteer-no',
  certificate: (issuedAtIso: string) => `seq:certificate:${new Date(Date.parse(issuedAtIso) + 8 * 3_600_000).getUTCFullYear()}`
}
