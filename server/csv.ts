/** Rows as CSV for spreadsheet programs: UTF-8 with a BOM (so they read the Chinese), CRLF, quoted where needed. */
export function csvText (rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  const esc = (v: string | number) => {
    const s = String(v)
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
  }
  return '\ufeff' + rows.map((r) => r.map(esc).join(',')).join('\r\n') + '\r\n'
}
