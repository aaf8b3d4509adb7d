import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { RATING_LABELS, deadlineRunning } from '../../../../core/tickets/labels'
import { ticketNumber } from '../../../../core/tickets/number'
import { isOverdue } from '../../../../core/tickets/sla'
import { CLOSE_REASON_LABELS, STATE_KIND } from '../../../../core/tickets/workflow'
import { call } from '../../../api'
import { PhotoStrip } from '../../../components/photo-strip'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { StateTag } from '../../../components/ticket-card'
import { Timeline } from '../../../components/timeline'
import { dateTime, deadlineText } from '../../../utils/format'
import { useAction } from '../../../utils/use-action'
import { TicketActions } from './actions'
import { dayText } from './defer-dates'
import { HideCard, ModeratedPhotos } from './moderation'
import './index.css'

/**
 * 案卷详情: what was reported, where (address and grid — no coordinates), before/after photos, the whole timeline, and
 * the steps this person may take now. At a desk the facts and the steps sit side by side. A deferred ticket says to
 * when and why under its deadline, so the reporter and the handler see why it takes longer. A report the office hid
 * says so to the people who still see it; the office also gets 屏蔽 / 取消屏蔽 and 屏蔽照片 (moderation.tsx).
 */
export default function TicketDetail () {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data, loading, error, reload } = useAction(() => call('tickets', 'get', { id }), [id])
  const t = data?.ticket
  const urges = t?.urgeCount ?? 0

  return (
    <PageShell className='ticket-detail'>
      <StatusView loading={loading && !data} error={data ? null : error} onRetry={reload}>
        {t && (
          <View id='ticket-detail' className='td-layout' data-state={t.state}>
            <View className='td-main'>
              <View className='card td-card'>
                <View className='row td-head'>
                  <Text className='td-cat'>{t.categoryName}</Text>
                  <View className='spacer' />
                  <StateTag state={t.state} />
                </View>
                <View className='td-number' id='ticket-number'>编号 <Text className='tk-number'>{ticketNumber(t)}</Text></View>
                {t.hidden && (
                  <View className='td-hidden' id='ticket-hidden' ariaRole='note'>
                    <View className='td-hidden-title'>不公开显示</View>
                    <View>其他居民看不到这条上报；上报人、处理人和文明办可以看到，它照常计入指标。原因：{t.hidden.reason}</View>
                  </View>
                )}
                <View className='td-desc'>{t.description}</View>
                <View className='td-facts'>
                  <View className='td-fact'><Text className='td-label'>地点</Text><Text className='td-value' id='ticket-place'>{t.address || '（未填写地址）'}</Text></View>
                  <View className='td-fact'><Text className='td-label'>网格</Text><Text className='td-value'>{t.gridName ?? '不在任何网格内，由文明办分派'}</Text></View>
                  <View className='td-fact'>
                    <Text className='td-label'>上报</Text>
                    <Text className='td-value'>{dateTime(t.createdAt)}{t.reporterName ? ` · ${t.reporterName}` : t.anonymous ? ' · 匿名' : ''}{t.followers ? ` · ${t.followers} 人关注` : ''}</Text>
                  </View>
                  {STATE_KIND[t.state] === 'open'
                    ? (
                      <View className='td-fact'>
                        <Text className='td-label'>时限</Text>
                        <Text className='td-value'>{dateTime(t.deadline)} · {deadlineRunning(t)
                          ? <Text className={isOverdue(t, new Date().toISOString()) ? 'td-late' : ''}>{deadlineText(t.deadline, Date.now())}</Text>
                          : '已处理，等待核查'}</Text>
                      </View>
                      )
                    : (
                      <View className='td-fact'>
                        <Text className='td-label'>结案</Text>
                        <Text className='td-value'>{dateTime(t.closedAt)} · {t.closeReason ? CLOSE_REASON_LABELS[t.closeReason] : ''}{t.rating ? ` · 评价：${RATING_LABELS[t.rating]}` : ''}</Text>
                      </View>
                      )}
                  {t.deferral && (
                    <View className='td-fact' id='deferral-facts'>
                      <Text className='td-label'>缓办</Text>
                      <View className='td-value'>
                        <View className='td-deferred'>已缓办至 {dayText(t.deferral.until, Date.now())}（原时限 {dayText(t.deferral.originalDeadline, Date.now())}）</View>
                        <View className='td-reason'>原因：{t.deferral.reason}</View>
                      </View>
                    </View>
                  )}
                  {urges > 0 && (
                    <View className='td-fact' id='ticket-urged'><Text className='td-label'>督办</Text><Text className='td-value'>已督办 {urges} 次，最近 {dateTime(t.urgedAt ?? null)}</Text></View>
                  )}
                </View>
                {t.mergedInto && (
                  <View className='td-link' ariaRole='link' onClick={() => Taro.redirectTo({ url: pageUrl(PAGES.ticketDetail, { id: t.mergedInto! }) })}>已合并到原案卷，点击查看 ›</View>
                )}
                {t.mayModerate
                  ? <ModeratedPhotos ticket={t} onDone={reload} />
                  : (
                    <>
                      <PhotoStrip title='上报照片' photos={t.photos} status={t.photoStatus} />
                      <PhotoStrip title='处理后照片' photos={t.afterPhotos} status={t.photoStatus} />
                    </>
                    )}
              </View>
            </View>
            <View className='td-side'>
              <TicketActions ticket={t} onDone={reload} />
              {t.mayModerate && <HideCard ticket={t} onDone={reload} />}
              <View className='section-title'>办理过程</View>
              <View className='card'><Timeline events={data.timeline} /></View>
            </View>
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
