import { View, Text, Input } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import type { PersonView } from '../../../../core/people'
import { ROLE_LABELS, type Role } from '../../../../core/types'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { usePaged } from '../../../utils/use-paged'
import { PersonSheet } from './person-sheet'
import { banLine, gridsLine, phoneText, roleChips } from './people-format'
import './index.css'

const PAGE_SIZE = 20
const FILTERS: Array<{ role: Role | null; label: string }> = [
  { role: null, label: '全部' },
  { role: 'grid_manager', label: ROLE_LABELS.grid_manager },
  { role: 'organizer', label: ROLE_LABELS.organizer },
  { role: 'admin', label: ROLE_LABELS.admin },
  { role: 'volunteer', label: ROLE_LABELS.volunteer }
]

/**
 * 人员与角色: find a person (the start of their nickname, their volunteer number, their phone or their user id), see
 * their roles at a glance, and open their sheet to grant or revoke a role or pause their reporting. On a phone the
 * sheet takes the screen (返回列表 goes back); at a desk the list and the open sheet sit side by side.
 */
export default function People () {
  const [text, setText] = useState('')
  const [query, setQuery] = useState<{ q: string; role: Role | null }>({ q: '', role: null })
  const [open, setOpen] = useState<PersonView | null>(null)
  const list = usePaged((cursor) => call('admin', 'findUsers', { q: query.q, ...(query.role ? { role: query.role } : {}), cursor, limit: PAGE_SIZE }))
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }
  useReachBottom(more)
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void list.load(null) }, [query])

  const search = () => setQuery({ q: text.trim(), role: query.role })
  const changed = (p: PersonView) => {
    setOpen(p)
    void list.load(null)
  }
  const first = list.items.length === 0
  const forbidden = first && list.error !== null && !list.loading

  return (
    <PageShell className='people'>
      <View className={`pp-layout ${open ? 'has-open' : ''}`}>
        <View className='pp-main'>
          {!forbidden && (
            <View className='card pp-search'>
              <View className='pp-search-row'>
                <Input className='pp-input pp-search-input' id='people-search' value={text} confirmType='search' placeholder='昵称、志愿者编号、手机号或用户编号'
                  ariaLabel='查找人员' onInput={(e) => setText(e.detail.value)} onConfirm={search} />
                <View className='btn-small' id='people-search-go' ariaRole='button' onClick={search}>查找</View>
              </View>
              <View className='pp-filters' ariaRole='radiogroup' ariaLabel='按角色筛选'>
                {FILTERS.map((f) => (
                  <View key={f.label} className={`pp-filter ${query.role === f.role ? 'on' : ''}`} data-role-filter={f.role ?? 'all'} ariaRole='radio'
                    aria-checked={query.role === f.role ? 'true' : 'false'} onClick={() => setQuery({ q: query.q, role: f.role })}>{f.label}</View>
                ))}
              </View>
              <View className='pp-hint'>查找人员：昵称按开头几个字查找；手机号请输入完整的 11 位。</View>
            </View>
          )}
          <StatusView signInReason='登录后可以管理人员和角色' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void list.load(null)}
            empty={first} emptyText={query.q ? `没有找到「${query.q}」` : '还没有人员'} emptyHint={query.q ? '换个写法试试：昵称的开头几个字、完整的手机号或志愿者编号' : undefined}>
            <View className='pp-list' id='people-list'>
              {list.items.map((p) => (
                <View key={p.id} className={`pp-row ${open?.id === p.id ? 'on' : ''}`} data-person={p.id} ariaRole='button' onClick={() => setOpen(p)}>
                  <View className='pp-row-head'>
                    <Text className='pp-row-name'>{p.nickname}</Text>
                    <View className='pp-chips'>{roleChips(p.roles).map((c) => <Text key={c.role} className={`tag ${c.tag}`} data-chip={c.role}>{c.label}</Text>)}</View>
                  </View>
                  <View className='pp-row-desc'>
                    {phoneText(p, false)}{p.volunteerNo ? ` · ${p.volunteerNo}` : ''}{p.organisation ? ` · ${p.organisation}` : ''}
                  </View>
                  {p.grids.length > 0 && <View className='pp-row-desc'>负责：{gridsLine(p)}{p.openTickets ? ` · 手中 ${p.openTickets} 件` : ''}</View>}
                  {p.reportBan && <View className='pp-row-ban' data-banned={p.id}>{banLine(p)}</View>}
                </View>
              ))}
            </View>
            <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={list.items.length} onMore={more} />
          </StatusView>
        </View>
        {open && (
          <View className='pp-side'>
            <PersonSheet key={open.id} person={open} onChanged={changed} onClose={() => setOpen(null)} />
          </View>
        )}
      </View>
    </PageShell>
  )
}
