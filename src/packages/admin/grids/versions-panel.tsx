import { Button, Text, Textarea, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { MAX_GRID_REASON, restoreGridsInput } from '../../../../core/grid-schemas'
import { GRID_VERSION_STATUS_LABELS, type GridVersion } from '../../../../core/grids/versions'
import type { Page } from '../../../../core/types'
import { call, errorText } from '../../../api'
import { FormField } from '../../../components/form-field'
import { StatusView } from '../../../components/status-view'
import type { PagedList } from '../../../utils/use-paged'
import { versionWho } from './format'

interface Props {
  list: PagedList<Page<GridVersion>>
  onRestored: (version: GridVersion) => void
}

/**
 * 版本记录: every grid version, newest first, the one in use marked. 恢复此版本 makes an earlier one route again (with
 * a reason, after a confirmation); the grids of the version in use are kept as a version of their own.
 */
export function VersionsPanel ({ list, onRestored }: Props) {
  const [restoring, setRestoring] = useState<number | null>(null)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | undefined>()
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const restore = async (v: GridVersion) => {
    const parsed = restoreGridsInput.safeParse({ version: v.version, reason })
    if (!parsed.success) {
      setReasonError(parsed.error.issues[0]?.message)
      return
    }
    const { confirm } = await Taro.showModal({
      title: `恢复第 ${v.version} 版网格`,
      content: `恢复后，新的上报立即按第 ${v.version} 版的 ${v.gridCount} 个网格分派；已有案卷保留原来的网格。两个版本都有的网格保留现在的网格员。`,
      confirmText: '恢复'
    })
    if (!confirm) return
    setBusy(true)
    setFailure(null)
    try {
      const done = await call('admin', 'restoreGrids', parsed.data)
      void Taro.showToast({ title: `已恢复第 ${v.version} 版`, icon: 'success' })
      setRestoring(null)
      setReason('')
      onRestored(done.version)
    } catch (e) {
      setFailure(errorText(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='gr-versions' id='version-list'>
      <StatusView loading={list.loading && list.items.length === 0} error={list.error} empty={list.items.length === 0} emptyText='还没有网格版本'
        emptyHint='导入第一份网格文件后，这里会列出每一版' onRetry={() => void list.load(null)} signInReason='登录后才能管理网格'>
        {list.items.map((v) => (
          <View key={v.version} className={`card gr-version${v.status === 'active' ? ' active' : ''}`} data-version={v.version} data-status={v.status}>
            <View className='row'>
              <Text className='gr-version-title'>第 {v.version} 版</Text>
              <Text className={`tag ${v.status === 'active' ? 'green' : ''}`}>{GRID_VERSION_STATUS_LABELS[v.status]}</Text>
            </View>
            <View className='gr-version-line'>{v.gridCount} 个网格 · 来自 {v.source}</View>
            <View className='gr-version-line muted'>{versionWho(v)}</View>
            <View className='gr-version-line'>原因：{v.reason || '（未写）'}</View>
            {v.status !== 'active' && restoring !== v.version && (
              <Button className='btn-plain gr-restore' id={`restore-${v.version}`} onClick={() => { setRestoring(v.version); setReason(''); setReasonError(undefined); setFailure(null) }}>恢复此版本</Button>
            )}
            {restoring === v.version && (
              <View className='gr-restore-form'>
                <FormField prefix='gr' name='reason' label='恢复原因' required error={reasonError} hint='会记入操作记录'>
                  <Textarea className='gr-textarea small' id='restore-reason' value={reason} maxlength={MAX_GRID_REASON} placeholder='例如：新网格方案暂缓执行'
                    onInput={(e) => { setReason(e.detail.value); setReasonError(undefined) }} />
                </FormField>
                {failure && <View className='error-text gr-problem' ariaRole='alert'>{failure}</View>}
                <View className='row gr-restore-actions'>
                  <Button className='btn-plain spacer' onClick={() => setRestoring(null)}>取消</Button>
                  <Button className={`btn-primary spacer${busy ? ' gr-busy' : ''}`} id='restore-confirm' disabled={busy} onClick={() => void restore(v)}>{busy ? '正在恢复…' : '确认恢复'}</Button>
                </View>
              </View>
            )}
          </View>
        ))}
        {list.next && <Button className='btn-plain gr-more' onClick={() => void list.load(list.next)}>加载更多</Button>}
      </StatusView>
    </View>
  )
}
