import { View, Text } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { AUDIT_KIND_LABELS, type AuditKind } from '../../../../core/audit'
import type { AuditItemView } from '../../../../core/people'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { chinaDate, chinaTime } from '../../../utils/china-time'
import { usePaged } from '../../../utils/use-paged'
import './index.css'

const PAGE_SIZE = 30
const KINDS: Array<AuditKind | null> = [null, ...(Object.keys(AUDIT_KIND_LABELS) as AuditKind[])]
const KIND_TAG: Record<AuditKind, string> = { role: 'blue', moderation: 'red', settings: 'orange', category: 'green', grid: 'green', signin: '' }

const when = (iso: string) => `${chinaDate(iso)} ${chinaTime(iso)}`

/** What the entry was about, as a person reads it. */
function targetText (e: AuditItemView): string {
  if (e.kind === 'role' || (e.kind === 'moderation' && (e.action === 'ban' || e.action === 'unban'))) return `人员 ${e.targetId}`
  if (e.kind === 'moderation') return `案卷 ${e.targetId}`
  return e.targetId
}

/**
 * 操作记录: everything the office changed — roles, moderation, settings, categories, grids, desktop sign-ins — newest
 * first, each with who did it, when (China time), to what, and the reason they gave. Filter by kind.
 */
export default function Audit () {
  const [kind, setKind] = useState<AuditKind | null>(null)
  const list = usePaged((cursor) => call('admin', 'audit', { ...(kind ? { kind } : {}), cursor, limit: PAGE_SIZE }))
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }
  useReachBottom(more)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void list.load(null) }, [kind])
  const first = list.items.length === 0
  const forbidden = first && list.error !== null && !list.loading

  return (
    <PageShell className='audit'>
      <View className='au-body'>
        {!forbidden && <View className='au-intro'>操作记录：每一项角色变动、屏蔽、暂停上报和设置修改，谁、何时、为什么，最新的在最前。</View>}
        {!forbidden && (
          <View className='au-filters' ariaRole='radiogroup' ariaLabel='按类别筛选'>
            {KINDS.map((k) => (
              <View key={k ?? 'all'} className={`au-filter ${kind === k ? 'on' : ''}`} data-kind-filter={k ?? 'all'} ariaRole='radio'
                aria-checked={kind === k ? 'true' : 'false'} onClick={() => setKind(k)}>{k ? AUDIT_KIND_LABELS[k] : '全部'}</View>
            ))}
          </View>
        )}
        <StatusView signInReason='登录后可以查看操作记录' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void list.load(null)}
          empty={first} emptyText={kind ? `还没有「${AUDIT_KIND_LABELS[kind]}」类的操作记录` : '还没有操作记录'} emptyHint='授予或撤销角色、屏蔽上报、暂停上报、修改设置和分类时，都会在这里留下记录。'>
          <View className='au-list' id='audit-list' ariaRole='list' ariaLabel='操作记录'>
            {list.items.map((e) => (
              <View key={e.id} className='au-item' data-entry={e.id} data-kind={e.kind} ariaRole='listitem'>
                <View className='au-head'>
                  <Text className={`tag ${KIND_TAG[e.kind]}`}>{AUDIT_KIND_LABELS[e.kind]}</Text>
                  <Text className='au-summary'>{e.summary}</Text>
                </View>
                <View className='au-line'>{e.actorName ?? e.actorId} · {when(e.at)} · {targetText(e)}</View>
                {e.reason && <View className='au-reason'>原因：{e.reason}</View>}
              </View>
            ))}
          </View>
          <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={list.items.length} onMore={more} />
        </StatusView>
      </View>
    </PageShell>
  )
}
