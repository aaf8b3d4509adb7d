import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { memo, useMemo } from 'react'
import { encode } from 'uqr'
import './index.css'

/** One row of the code as runs of equal modules: [dark, length]. Runs, not single modules, keep the View count low. */
export type QrRow = Array<[boolean, number]>

/** The standard quiet zone (ISO/IEC 18004): four light modules all round, so scanners find the code on any background. */
export const QUIET_ZONE = 4

/** The code's modules (quiet zone included) as runs per row; null when the text cannot be a QR code (too long). */
export function qrRows (text: string): QrRow[] | null {
  let data: boolean[][]
  try {
    // M: a screen can be glared or scratched; the check-in payloads are short, so the code stays small.
    data = encode(text, { ecc: 'M', border: QUIET_ZONE }).data
  } catch {
    return null
  }
  return data.map((row) => {
    const runs: QrRow = []
    for (const dark of row) {
      const last = runs[runs.length - 1]
      if (last && last[0] === dark) last[1]++
      else runs.push([dark, 1])
    }
    return runs
  })
}

/** Design px as the platform's unit (rpx on WeChat, rem on H5); half as CSS px where Taro's converter is not set up (tests). */
function designPx (n: number): string {
  try {
    return Taro.pxTransform(n)
  } catch {
    return `${n / 2}px`
  }
}

interface Props {
  text: string
  /** Width and height in design px (750 wide); drawn a little smaller so every module is a whole number of px. */
  size?: number
  /** What the code is, for screen readers ("签到二维码"). */
  label: string
}

/**
 * A QR code drawn with Views (no canvas), so WeChat and H5 show the same thing and no canvas context is needed:
 * one View per row, the row's runs as flex children, black on white with a quiet zone. The payload sits on the
 * root as data-qr-text for end-to-end tests.
 */
export const QrCode = memo(function QrCode ({ text, size = 400, label }: Props) {
  const rows = useMemo(() => qrRows(text), [text])
  if (!rows) {
    return <View className='qr qr-failed' ariaRole='img' ariaLabel={label} data-qr-text={text}><Text>内容太长，无法生成二维码</Text></View>
  }
  const n = rows.length
  const cell = Math.max(1, Math.floor(size / n))
  const side = designPx(cell * n)
  const rowHeight = designPx(cell)
  return (
    <View className='qr' ariaRole='img' ariaLabel={label} data-qr-text={text} data-modules={n} style={{ width: side, height: side }}>
      {rows.map((runs, y) => (
        <View key={y} className='qr-row' aria-hidden='true' style={{ height: rowHeight }}>
          {runs.map(([dark, length], x) => (
            <View key={x} className={dark ? 'qr-run qr-dark' : 'qr-run'} style={{ flexGrow: length }} />
          ))}
        </View>
      ))}
    </View>
  )
})
