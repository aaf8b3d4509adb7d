import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../../core/pages'
import { RATING_LABELS, deadlineRunning } from '../../../../core/tickets/labels'
import { isOverdue } from '../../../../core/tickets/sla'
import { CLOSE_REASON_LABELS, STATE_KIND } from '../../../../core/tickets/workflow'
import { call } from '../../../api'
import { PhotoStrip } from '../../../components/photo-strip'
import { StatusView } from '../../../components/status-view'
import { StateTag } from '../../../components/ticket-card'
import { Timeline } from '../../../components/timeline'
import { dateTime, deadlineText } from '../../../utils/format'
import { useAction } from '../../../utils/use-action'
import { TicketActions } from './actions'
import './index.css'

/** 案卷详情: what was reported, before/after photos, the whole timeline, and the steps this person may take now. */
export default function TicketDetail () {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data, loading, error, reload } = useAction(() => call('tickets', 'get', { id }), [id])
  const t = data?.ticket

  return (
    <View className='page ticket-detail'>
      <StatusView loading={loading && !data} error={data ? null : error} onRetry={reload}>
        {t && (
          <View id='ticket-detail' data-state={t.state}>
            <View className='card'>
              <View className='row'>
                <Text className='td-cat'>{t.categoryName}</Text>
                <View className='spacer' />
                <StateTag state={t.state} />
              </View>
              <View className='td-desc'>{t.description}</View>
              <View className='muted'>{t.gridName ?? '未落入网格'}{t.address ? ` · ${t.address}` : ''}</View>
              {t.location && <View className='muted'>坐标 {t.location.lng.toFixed(5)}, {t.location.lat.toFixed(5)}（GCJ-02）</View>}
              <View className='muted'>上报 {dateTime(t.createdAt)}{t.reporterName ? ` · ${t.reporterName}` : t.anonymous ? ' · 匿名' : ''}{t.followers ? ` · ${t.followers} 人关注` : ''}</View>
              {STATE_KIND[t.state] === 'open'
                ? <View className='muted'>处理时限 {dateTime(t.deadline)} · {deadlineRunning(t)
                  ? <Text className={isOverdue(t, new Date().toISOString()) ? 'error-text' : ''}>{deadlineText(t.deadline, Date.now())}</Text>
                  : '已处理，等待核查'}</View>
                : <View className='muted'>结案 {dateTime(t.closedAt)} · {t.closeReason ? CLOSE_REASON_LABELS[t.closeReason] : ''}{t.rating ? ` · 评价：${RATING_LABELS[t.rating]}` : ''}</View>}
              {t.mergedInto && <View className='muted link' onClick={() => Taro.redirectTo({ url: pageUrl(PAGES.ticketDetail, { id: t.mergedInto }) })}>已合并到原案卷，点击查看 ›</View>}
              <PhotoStrip title='上报照片' photos={t.photos} status={t.photoStatus} />
              <PhotoStrip title='处理后照片' photos={t.afterPhotos} status={t.photoStatus} />
            </View>
            <TicketActions ticket={t} onDone={reload} />
            <View className='section-title'>办理过程</View>
            <View className='card'><Timeline events={data.timeline} /></View>
          </View>
        )}
      </StatusView>
    </View>
  )
}
