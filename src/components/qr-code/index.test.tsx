import TestUtils from '@tarojs/test-utils-react'
import { encode } from 'uqr'
import { QUIET_ZONE, QrCode, qrRows } from './index'

const testUtils = new TestUtils()

let mounted = false
afterEach(() => {
  if (mounted) testUtils.unmout()
  mounted = false
  document.body.innerHTML = ''
})

const CODE = 'WMV1.ev-42.58844712.Zm9vYmFyYmF6cXV4'

/** Read the drawn modules back from the Views: each run's flex-grow is its length, qr-dark its colour. */
function drawnMatrix (root: Element): boolean[][] {
  return Array.from(root.querySelectorAll('.qr-row')).map((row) =>
    Array.from(row.querySelectorAll('.qr-run')).flatMap((run) => {
      const length = Number((run as HTMLElement).style.flexGrow)
      return Array.from({ length }, () => run.classList.contains('qr-dark'))
    }))
}

async function draw (props: { text: string; size?: number; label: string }) {
  await testUtils.mount(QrCode, { props })
  mounted = true
  return testUtils.queries.waitForQuerySelector('.qr')
}

describe('QrCode', () => {
  it('draws exactly the modules uqr encodes for the text, quiet zone included, one View per row', async () => {
    const root = await draw({ text: CODE, size: 600, label: '签到二维码' })
    const expected = encode(CODE, { ecc: 'M', border: QUIET_ZONE }).data
    expect(drawnMatrix(root)).toEqual(expected)
    expect(root.querySelectorAll('.qr-row')).toHaveLength(expected.length)
    // The quiet zone is light all round.
    expect(expected[0].every((m) => !m) && expected[QUIET_ZONE - 1].every((m) => !m)).toBe(true)
    // Runs, not single modules: far fewer Views than modules.
    expect(root.querySelectorAll('.qr-run').length).toBeLessThan(expected.length * expected.length / 2)
  })

  it('carries its payload and label for tests and screen readers', async () => {
    const root = await draw({ text: CODE, label: '签到二维码，每 30 秒刷新' })
    expect(root.getAttribute('data-qr-text')).toBe(CODE)
    expect(root.getAttribute('aria-label')).toBe('签到二维码，每 30 秒刷新')
    // Taro's ariaRole; the H5 shell (app-shell) turns it into role=img.
    expect(root.getAttribute('aria-role')).toBe('img')
  })

  it('a different text draws a different code', () => {
    const a = qrRows(CODE)
    const b = qrRows(`${CODE}x`)
    expect(a).not.toBeNull()
    expect(a).not.toEqual(b)
  })

  it('a text too long for any QR code says so instead of failing', async () => {
    const root = await draw({ text: 'x'.repeat(4000), label: '签到二维码' })
    expect(qrRows('x'.repeat(4000))).toBeNull()
    expect(root.textContent).toContain('无法生成二维码')
  })
})
