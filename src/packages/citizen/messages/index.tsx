import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { call } from '../../../api'
import { ResidentEmpty, ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { dateTime } from '../../../utils/format'
import { usePaged } from '../../../utils/use-paged'
import { PageShell } from '../../../components/page-shell'
import './index.css'

/** 消息: every change that matters to me, newest first; opening the list marks them read. */
export default function Messages () {
  const list = usePaged((cursor) => call('users', 'messages', { cursor, limit: 20 }))
  const reload = async () => {
    const first = await list.load(null)
    if (first && first.unread > 0) void call('users', 'readMessages', {}).catch(() => undefined)
  }
  const more = () => { if (list.next && !list.loading) void list.load(list.next) }
  useDidShow(() => { void reload() })
  useReachBottom(more)

  const { items } = list
  const first = items.length === 0
  return (
    <PageShell className='messages'>
      <StatusView signInReason='登录后可以查看你的消息' loading={list.loading && first} error={first ? list.error : null} onRetry={() => void reload()}>
        {first
          ? (
            <ResidentEmpty
              id='messages-empty' icon='🔔' title='还没有消息'
              text='你上报或关注的问题有进展时——网格员受理、处理完成请你核查、合并或关闭——都会在这里通知你，有新消息时「我的」里会显示红点。'
              action={{ label: '去随手拍上报问题', onClick: () => void Taro.switchTab({ url: pageUrl(PAGES.report) }) }}
            />
            )
          : (
            <View className='cells' id='message-list'>
              {items.map((m) => (
                <View
                  key={m.id} className={`cell message ${m.read ? '' : 'unread'}`} ariaRole={m.ticketId ? 'link' : undefined}
                  onClick={() => m.ticketId && Taro.navigateTo({ url: pageUrl(PAGES.ticketDetail, { id: m.ticketId }) })}
                >
                  <View className='cell-body'>
                    <View className='msg-head'>
                      {!m.read && <View className='dot' ariaLabel='未读' />}
                      <Text className='msg-title'>{m.title}</Text>
                      <View className='spacer' />
                      <Text className='msg-time'>{dateTime(m.at)}</Text>
                    </View>
                    <View className='msg-body'>{m.body}</View>
                  </View>
                  {m.ticketId && <Text className='cell-arrow' aria-hidden='true'>›</Text>}
                </View>
              ))}
            </View>
            )}
        <ResidentListFoot next={list.next} loading={list.loading} error={list.error} count={items.length} onMore={more} />
      </StatusView>
    </PageShell>
  )
}
