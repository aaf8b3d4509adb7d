import { Axis, Chart, Interval, Line, Area, Point, LineGuide, TextGuide, withGuide, jsx as f2jsx } from '@antv/f2'

/**
 * The dashboard's two charts as F2 (v5) elements, built with F2's own `jsx` function (this file is not React:
 * F2 draws on a 2d canvas with its own component tree). Pure: the same figures in, the same chart out; the page
 * draws the same figures as tables beside them, so nothing here is the only way to read a number.
 */

/** One period of the trend: the rate, its 95% interval, and whether too few answered to judge it. */
/** An F2 element (what F2's Canvas takes as children). */
export type F2Element = ReturnType<typeof f2jsx>

/** F2's jsx, loosely typed: its declared prop types do not line up with its own component classes. */
const jsx = f2jsx as unknown as (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]) => F2Element

export interface TrendDatum {
  period: string
  value: number | null
  band: [number, number] | null
  insufficient: boolean
}

/** One child area's bar (areas without data are not drawn: the table says 暂无数据 for them). */
export interface BarDatum {
  code: string
  name: string
  value: number
  band: [number, number] | null
  insufficient: boolean
}

export const CHART_COLORS = {
  line: '#06773b',
  band: '#06773b',
  bar: '#2f7d4f',
  short: '#a8adb3',
  whisker: '#1f2328',
  target: '#a65200',
  axis: '#4d5156',
  grid: '#e3e5e8'
} as const

/** Text on the charts: 14 CSS px, the smallest anywhere in the app. */
const LABEL = { fontSize: 14, fill: CHART_COLORS.axis }

const pctTick = (v: number) => {
  const p = Math.round(v * 1000) / 10
  return `${Number.isInteger(p) ? p : p.toFixed(1)}%`
}

/**
 * The top of the value axis: a little above the largest value, interval end or target, rounded to a readable
 * step, never above 100%. A 参与率 of 0.5% is drawn on a 0–1% axis, not as an invisible sliver of 0–100%.
 */
export function axisMax (values: ReadonlyArray<number | null | undefined>): number {
  const top = Math.max(0, ...values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)))
  if (top <= 0) return 1
  const padded = Math.min(1, top * 1.1)
  const steps = [0.0001, 0.0002, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1]
  const step = steps.find((s) => s * 5 >= padded) ?? 1
  return Math.min(1, Math.ceil(padded / step) * step)
}

interface ErrorBarProps {
  points?: Array<{ x: number; y: number }>
  transposed?: boolean
}

/** An interval drawn as a whisker with end caps across the bar (the two records: low end, high end). */
function ErrorBarView (props: ErrorBarProps): F2Element | null {
  const [a, b] = props.points ?? []
  if (!a || !b || [a.x, a.y, b.x, b.y].some((n) => !Number.isFinite(n))) return null
  const cap = 5
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    jsx('line', { style: { x1, y1, x2, y2, stroke: CHART_COLORS.whisker, lineWidth: 1.5 } })
  return props.transposed
    ? jsx('group', null, line(a.x, a.y, b.x, b.y), line(a.x, a.y - cap, a.x, a.y + cap), line(b.x, b.y - cap, b.x, b.y + cap))
    : jsx('group', null, line(a.x, a.y, b.x, b.y), line(a.x - cap, a.y, a.x + cap, a.y), line(b.x - cap, b.y, b.x + cap, b.y))
}
const ErrorBar = withGuide(ErrorBarView as never)

/** The target as a dashed line across the plot, labelled at its end (the records name every value field). */
const targetGuide = (x: string, target: number, label: string) => [
  jsx(LineGuide, {
    records: [{ [x]: 'min', value: target, band: target }, { [x]: 'max', value: target, band: target }],
    style: { stroke: CHART_COLORS.target, lineWidth: 1.5, lineDash: [6, 4] }
  }),
  jsx(TextGuide, {
    records: [{ [x]: 'max', value: target, band: target }],
    content: label,
    offsetY: -10,
    style: { fontSize: 14, fill: CHART_COLORS.target, textAlign: 'end', textBaseline: 'bottom' }
  })
]

/**
 * The trend of one indicator: the rate as a line, its 95% interval as a band behind it, the target (if any) as a
 * dashed line; a period with too few respondents is drawn as a hollow point, so it never reads as a firm figure.
 */
export function trendChart (data: readonly TrendDatum[], opts: { target?: number; targetLabel?: string }) {
  const max = axisMax([...data.flatMap((d) => [d.value, d.band?.[1]]), opts.target])
  const scale = { min: 0, max, tickCount: 5, formatter: pctTick }
  const records = data.map((d) => ({ ...d, band: d.band ? [...d.band] : null, kind: d.insufficient ? 'short' : 'ok' }))
  return jsx(Chart, {
    data: records,
    scale: { period: { type: 'cat', tickCount: Math.min(data.length, 5) }, value: scale, band: scale }
  },
  jsx(Axis, { field: 'period', style: { label: { ...LABEL, align: 'between' } } }),
  jsx(Axis, { field: 'value', style: { label: LABEL, grid: { stroke: CHART_COLORS.grid } } }),
  jsx(Area, { x: 'period', y: 'band', color: CHART_COLORS.band, startOnZero: false, style: { fillOpacity: 0.14 } }),
  jsx(Line, { x: 'period', y: 'value', color: CHART_COLORS.line, style: { lineWidth: 2 } }),
  jsx(Point, {
    x: 'period',
    y: 'value',
    color: CHART_COLORS.line,
    size: 4,
    shape: { field: 'kind', callback: (k: string) => (k === 'short' ? 'hollowCircle' : 'circle') },
    style: { fill: (k: string) => (k === 'short' ? '#ffffff' : CHART_COLORS.line), lineWidth: 2, field: 'kind' }
  }),
  ...(opts.target !== undefined ? targetGuide('period', opts.target, opts.targetLabel ?? '目标') : [])
  )
}

/**
 * Child areas as horizontal bars (names read across), in the order given, each with its 95% interval as an error
 * bar and the target as a dashed line; 样本不足 bars grey and labelled so, never coloured.
 */
export function barChart (data: readonly BarDatum[], opts: { target?: number; targetLabel?: string; ref?: unknown }) {
  const max = axisMax([...data.flatMap((d) => [d.value, d.band?.[1]]), opts.target])
  // Transposed, F2 draws the first category at the bottom: reversed, the list reads top to bottom.
  const records = [...data].reverse().map((d) => ({ ...d, kind: d.insufficient ? 'short' : 'ok' }))
  return jsx(Chart, {
    ref: opts.ref,
    data: records,
    coord: { transposed: true },
    scale: { name: { type: 'cat' }, value: { min: 0, max, tickCount: 5, formatter: pctTick } }
  },
  jsx(Axis, { field: 'name', style: { label: LABEL } }),
  jsx(Axis, { field: 'value', style: { label: LABEL, grid: { stroke: CHART_COLORS.grid } } }),
  jsx(Interval, {
    x: 'name',
    y: 'value',
    color: { field: 'kind', callback: (k: string) => (k === 'short' ? CHART_COLORS.short : CHART_COLORS.bar) },
    size: 18
  }),
  ...records.filter((d) => d.band).map((d) => jsx(ErrorBar, {
    key: `ci-${d.code}`,
    records: [{ name: d.name, value: d.band![0] }, { name: d.name, value: d.band![1] }],
    transposed: true
  })),
  ...records.filter((d) => d.insufficient).map((d) => jsx(TextGuide, {
    key: `short-${d.code}`,
    records: [{ name: d.name, value: 0 }],
    content: '样本不足',
    // Above its bar, clear of the interval's whisker that runs through the bar.
    offsetX: 2,
    offsetY: -15,
    style: { fontSize: 13, fill: CHART_COLORS.whisker, textAlign: 'start', textBaseline: 'middle' }
  })),
  ...(opts.target !== undefined ? targetGuide('name', opts.target, opts.targetLabel ?? '目标') : [])
  )
}
