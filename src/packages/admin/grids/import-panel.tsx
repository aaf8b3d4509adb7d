import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useMemo, useState } from 'react'
import type { GridImportReport } from '../../../../core/geo/geojson'
import { GRID_CALL_MAX_BYTES, MAX_GRID_REASON, importGridsInput } from '../../../../core/grid-schemas'
import { reportLines, type GridPreviewView } from '../../../../core/grids/preview'
import type { GridVersion } from '../../../../core/grids/versions'
import type { Grid } from '../../../../core/types'
import { ApiError, call, errorText } from '../../../api'
import { FormField } from '../../../components/form-field'
import { DATUM_CHOICES, diffLines, problemWhere, reportSummary, type DatumChoice } from './format'
import { GridMap } from './grid-map'
import { MAP_STYLE, type MapMarker, type MapShape } from './map-draw'
import { pickGridFile, utf8Bytes } from './pick-file'

interface Props {
  /** The grids in use, drawn faintly under the file's. */
  active: readonly Grid[]
  onImported: (version: GridVersion) => void
}

/** Room left in a call for the envelope around the file (action, reason, options). */
const ENVELOPE = 64 * 1024
const MAX_LINES = 300
const PASTED = '粘贴的文本'

/** What travels: the parsed object when the text is JSON (smaller: no indentation), else the text, for the validator to report. */
function payloadOf (text: string): { geojson: string | Record<string, unknown>; bytes: number } {
  try {
    const parsed = JSON.parse(text) as unknown
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return { geojson: parsed as Record<string, unknown>, bytes: utf8Bytes(JSON.stringify(parsed)) }
    }
  } catch {
    // Not JSON: sent as it is, and the check says where it breaks.
  }
  return { geojson: text, bytes: utf8Bytes(text) }
}

const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1)

/** Bring what just appeared on screen (the check's result, the editor) once it is rendered. */
export function scrollTo (selector: string): void {
  setTimeout(() => {
    try {
      void Taro.pageScrollTo({ selector, duration: 200 })?.catch?.(() => undefined)
    } catch {
      // No page to scroll (page tests): nothing to do.
    }
  }, 50)
}

/**
 * 导入: choose or paste a file, say its datum, check it (nothing stored), look at it on the map with its report, and
 * import it with a reason after a confirmation. Any error blocks the import; the report says what to fix.
 */
export function ImportPanel ({ active, onImported }: Props) {
  const [text, setText] = useState('')
  const [source, setSource] = useState<string | null>(null)
  const [datum, setDatum] = useState<DatumChoice>('file')
  const [preview, setPreview] = useState<GridPreviewView | null>(null)
  const [checking, setChecking] = useState(false)
  const [importing, setImporting] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [selected, setSelected] = useState<number | null>(null)

  const options = () => ({ ...(datum === 'file' ? {} : { datum }), source: source ?? PASTED })
  const changed = () => { setPreview(null); setProblem(null); setSelected(null) }

  const pick = async () => {
    try {
      const file = await pickGridFile()
      if (!file) return
      setText(file.text)
      setSource(file.name)
      changed()
    } catch (e) {
      setProblem(errorText(e))
    }
  }

  /** The payload, or null with the reason shown when the file is over what one call may carry. */
  const payload = () => {
    if (!text.trim()) {
      setProblem('请先选择文件，或把 GeoJSON 文本粘贴到上面的框里')
      return null
    }
    const p = payloadOf(text)
    if (p.bytes > GRID_CALL_MAX_BYTES - ENVELOPE) {
      setProblem(`文件约 ${mb(p.bytes)} MB，超过单次导入的上限 ${mb(GRID_CALL_MAX_BYTES)} MB。请在 GIS 软件中简化边界（如 mapshaper 的 simplify，保留约 1 米精度）、删去用不到的属性后再导入。`)
      return null
    }
    return p.geojson
  }

  const check = async () => {
    const geojson = payload()
    if (geojson === null) return
    setChecking(true)
    setProblem(null)
    try {
      setPreview(await call('admin', 'previewGrids', { geojson, ...options() }))
      setSelected(null)
      scrollTo('#import-summary')
    } catch (e) {
      setPreview(null)
      setProblem(errorText(e))
    } finally {
      setChecking(false)
    }
  }

  const confirmImport = async () => {
    if (!preview?.ok || !preview.diff) return
    const geojson = payload()
    if (geojson === null) return
    const input = { geojson, ...options(), reason }
    const parsed = importGridsInput.safeParse(input)
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message)
      return
    }
    setReasonError(undefined)
    const { confirm } = await Taro.showModal({
      title: '确认导入新网格',
      content: `${diffLines(preview.diff).join('\n')}\n导入后，新的上报立即按新网格分派；已有案卷保留原来的网格。以后可在「版本记录」中恢复当前版本。`,
      confirmText: '导入'
    })
    if (!confirm) return
    setImporting(true)
    try {
      const done = await call('admin', 'importGrids', input)
      void Taro.showToast({ title: `已启用第 ${done.version.version} 版`, icon: 'success' })
      setText('')
      setSource(null)
      setReason('')
      setPreview(null)
      onImported(done.version)
    } catch (e) {
      const report = e instanceof ApiError ? (e.details as { report?: GridImportReport } | undefined)?.report : undefined
      if (report && preview) setPreview({ ...preview, ok: false, diff: null, report })
      setProblem(errorText(e))
    } finally {
      setImporting(false)
    }
  }

  const lines = useMemo(() => (preview ? reportLines(preview.report) : []), [preview])
  const { shapes, markers } = useMemo(() => mapOf(active, preview, selected), [active, preview, selected])
  const errors = preview?.report.errorCount ?? 0

  return (
    <View className='gr-import' id='grid-import'>
      <View className='card gr-step'>
        <View className='gr-card-title'>1. 选择网格文件</View>
        <View className='gr-hint'>GeoJSON 格式（.geojson / .json）：一个 FeatureCollection，每个网格一个面，属性含 code（15 位网格编码）、name、district、street、community、population（常住人口）。</View>
        <View className='row gr-pick-row'>
          <Button className='btn-plain gr-pick' id='import-pick' onClick={() => void pick()}>选择文件</Button>
          <Text className='gr-source'>{source ? `已选：${source}` : text ? '已粘贴文本' : '也可以把文本粘贴到下面'}</Text>
        </View>
        <Textarea className='gr-textarea' id='import-text' value={source ? '' : text} maxlength={-1} disabled={!!source}
          placeholder={source ? `已读入 ${source}（${mb(utf8Bytes(text))} MB）。要粘贴文本，请先点「清除」` : '{"type": "FeatureCollection", "features": [...]}'}
          onInput={(e) => { setText(e.detail.value); setSource(null); changed() }} />
        {(text || source) && <Button className='btn-small plain gr-clear' id='import-clear' onClick={() => { setText(''); setSource(null); changed() }}>清除</Button>}
        <View className='gr-label'>坐标系</View>
        <View className='gr-chips' ariaRole='radiogroup' aria-label='坐标系'>
          {DATUM_CHOICES.map((d) => (
            <View key={d.key} className={`gr-chip${datum === d.key ? ' on' : ''}`} data-datum={d.key} ariaRole='radio' aria-checked={datum === d.key ? 'true' : 'false'}
              onClick={() => { setDatum(d.key); changed() }}>
              <Text className='gr-chip-title'>{d.label}</Text>
              <Text className='gr-chip-hint'>{d.hint}</Text>
            </View>
          ))}
        </View>
        <Button className={`btn-primary gr-check${checking ? ' gr-busy' : ''}`} id='import-check' disabled={checking} onClick={() => void check()}>
          {checking ? '正在检查…' : '检查文件'}
        </Button>
        <View className='gr-hint'>检查不会改动任何网格。</View>
      </View>

      {problem && <View className='card error-text gr-problem' id='import-problem' ariaRole='alert'>{problem}</View>}

      {preview && (
        <View className='gr-result'>
          <View className={`card gr-summary ${preview.ok ? 'ok' : 'bad'}`} id='import-summary' data-ok={preview.ok ? '1' : '0'} data-errors={String(errors)}>
            <View className='gr-card-title'>{preview.ok ? '2. 检查通过，可以导入' : `2. 有 ${errors} 处错误，不能导入`}</View>
            <View className='gr-summary-line'>{reportSummary(preview.report)}</View>
            {!preview.ok && <View className='gr-summary-line'>请按下面的报告逐条改正文件后重新检查。红色是错误（必须改），橙色是提醒（可以导入）。</View>}
            {preview.diff && diffLines(preview.diff).map((l) => <View key={l} className='gr-summary-line'>· {l}</View>)}
            {preview.diff && preview.diff.removedGrids.length > 0 && (
              <View className='gr-removed' id='import-removed'>
                <View className='gr-label'>将停用的网格</View>
                {preview.diff.removedGrids.slice(0, 20).map((g) => <View key={g.id} className='gr-removed-item'>{g.name}（{g.code}）</View>)}
                {preview.diff.removedGrids.length > 20 && <View className='gr-hint'>等 {preview.diff.removed} 个</View>}
              </View>
            )}
          </View>

          <View className='gr-result-body'>
            <View className='card gr-map-card'>
              <View className='gr-legend'>
                <Text className='gr-key fine' />没有问题<Text className='gr-key warning' />有提醒<Text className='gr-key error' />有错误<Text className='gr-key base' />现在的网格
              </View>
              <GridMap id='preview-map' label={`文件的 ${preview.outlines.length} 个网格在地图上的位置：${errors} 处错误`} height={360} shapes={shapes} markers={markers} />
              {selected !== null && <View className='gr-hint'>蓝色为在报告中选中的要素（第 {selected + 1} 个）。</View>}
            </View>

            <View className='card gr-report' id='report-list'>
              <View className='gr-card-title'>检查报告</View>
              {lines.length === 0 && <View className='gr-hint'>每个网格都没有问题。</View>}
              {lines.slice(0, MAX_LINES).map((l, i) => (
                <View key={i} className={`gr-line ${l.problem.severity}${selected === l.index && l.index !== null ? ' on' : ''}`} data-rule={l.problem.rule} data-severity={l.problem.severity}
                  onClick={() => setSelected(l.index)}>
                  <View className='row'>
                    <Text className={`tag ${l.problem.severity === 'error' ? 'red' : 'orange'}`}>{l.problem.severity === 'error' ? '错误' : '提醒'}</Text>
                    <Text className='gr-line-where'>{problemWhere(l)}</Text>
                  </View>
                  <View className='gr-line-message'>{l.problem.message}</View>
                </View>
              ))}
              {lines.length > MAX_LINES && <View className='gr-hint'>还有 {lines.length - MAX_LINES} 条未列出：请先改正上面这些，再重新检查。</View>}
            </View>
          </View>

          {preview.ok && (
            <View className='card gr-step' id='import-confirm-card'>
              <View className='gr-card-title'>3. 确认导入</View>
              <FormField prefix='gr' name='reason' label='导入原因' required error={reasonError} hint='会记入操作记录，例如：2025 年区划调整，东塘街道网格重新划分'>
                <Textarea className='gr-textarea small' id='import-reason' value={reason} maxlength={MAX_GRID_REASON} placeholder='请写明为什么导入这份网格'
                  onInput={(e) => { setReason(e.detail.value); setReasonError(undefined) }} />
              </FormField>
              <Button className={`btn-primary${importing ? ' gr-busy' : ''}`} id='import-confirm' disabled={importing} onClick={() => void confirmImport()}>
                {importing ? '正在导入…' : '确认导入'}
              </Button>
            </View>
          )}
        </View>
      )}
    </View>
  )
}

/** The map's shapes: the grids in use faintly, the file's features by severity (errors on top), gaps dashed, error places ringed. */
function mapOf (active: readonly Grid[], preview: GridPreviewView | null, selected: number | null): { shapes: MapShape[]; markers: MapMarker[] } {
  if (!preview) return { shapes: [], markers: [] }
  const base: MapShape[] = active.map((g) => ({ ring: g.polygon, fill: null, stroke: MAP_STYLE.base.stroke, width: MAP_STYLE.base.width }))
  const style = (s: 'error' | 'warning' | null) => (s === 'error' ? MAP_STYLE.error : s === 'warning' ? MAP_STYLE.warning : MAP_STYLE.fine)
  const rank = (s: 'error' | 'warning' | null) => (s === 'error' ? 2 : s === 'warning' ? 1 : 0)
  const sorted = [...preview.outlines].sort((a, b) => rank(a.severity) - rank(b.severity))
  const shape = (ring: MapShape['ring'], st: { fill: string | null; stroke: string; width: number }): MapShape => ({ ring, fill: st.fill, stroke: st.stroke, width: st.width })
  const file = sorted.filter((o) => o.index !== selected).map((o) => shape(o.ring, style(o.severity)))
  // The feature picked in the report, last: on top of everything.
  const picked = sorted.filter((o) => o.index === selected).map((o) => shape(o.ring, MAP_STYLE.selected))
  const gaps: MapShape[] = preview.report.file.filter((p) => p.ring).map((p) => ({ ring: p.ring!, fill: null, stroke: MAP_STYLE.gap.stroke, width: MAP_STYLE.gap.width, dashed: true }))
  const markers: MapMarker[] = [...preview.report.file, ...preview.report.features.flatMap((f) => f.problems)]
    .filter((p) => p.severity === 'error' && p.at).map((p) => ({ at: p.at!, color: MAP_STYLE.marker }))
  return { shapes: [...base, ...file, ...gaps, ...picked], markers }
}
