import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import type { OrgReport } from '../../../../core/volunteer/views'
import { call } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { chinaYear, hoursText } from '../organize/event-format'
import './index.css'

/** The first year the platform holds events for; earlier years have nothing to show. */
const FIRST_YEAR = 2024

function TrainingRule ({ r, yearLabel }: { r: OrgReport; yearLabel: string }) {
  const share = r.trainingsRequired > 0 ? Math.min(1, r.trainingsHeld / r.trainingsRequired) : 1
  const verdict = r.trainingsMet ? '已达标' : '未达标'
  return (
    <View className={`card rp-rule ${r.trainingsMet ? 'rp-met' : 'rp-missed'}`} id='training-rule' data-met={r.trainingsMet ? 'true' : 'false'}
      ariaLabel={`${yearLabel}培训 ${r.trainingsHeld}/${r.trainingsRequired} 场，${verdict}`}>
      <View className='row rp-rule-head'>
        <Text className='rp-rule-title'>{yearLabel}培训 {r.trainingsHeld}/{r.trainingsRequired} 场</Text>
        <View className='spacer' />
        <Text className='rp-verdict'>{r.trainingsMet ? '✓ ' : ''}{verdict}</Text>
      </View>
      <View className='rp-track' aria-hidden='true'><View className='rp-fill' style={{ width: `${share * 100}%` }} /></View>
      <View className='rp-note'>
        {r.trainingsMet
          ? `每个单位每年至少开展 ${r.trainingsRequired} 场志愿培训，${yearLabel}已完成。`
          : `每个单位每年至少开展 ${r.trainingsRequired} 场志愿培训，还差 ${r.trainingsRequired - r.trainingsHeld} 场（已结束的培训才计入）。`}
      </View>
    </View>
  )
}

function TrainedByTopic ({ rows, yearLabel }: { rows: OrgReport['trainedByTopic']; yearLabel: string }) {
  const most = Math.max(1, ...rows.map((t) => t.people))
  return (
    <View className='card' id='trained-by-topic'>
      <View className='rp-card-title'>参加培训的人数（按领域）</View>
      {rows.length === 0
        ? <View className='rp-note'>{yearLabel}没有完成的培训。</View>
        : rows.map((t) => (
          <View key={t.topic} className='rp-topic' data-topic={t.topic} ariaLabel={`${t.topic} ${t.people} 人`}>
            <Text className='rp-topic-name'>{t.topic}</Text>
            <View className='rp-topic-track' aria-hidden='true'><View className='rp-topic-fill' style={{ width: `${(t.people / most) * 100}%` }} /></View>
            <Text className='rp-topic-people'>{t.people} 人</Text>
          </View>
        ))}
    </View>
  )
}

/**
 * 组织报告: a year of the organiser's (or, for the office, everyone's) volunteer work, in the bulletin's terms —
 * the training rule drawn against its target, people trained by topic, and the service totals.
 */
export default function OrgReportPage () {
  const { params } = useRouter()
  const organizerId = params.organizerId || undefined
  const thisYear = chinaYear(new Date().toISOString())
  const [year, setYear] = useState(thisYear)
  const { data, loading, error, reload } = useAction(() => call('volunteer', 'orgReport', { year, ...(organizerId ? { organizerId } : {}) }), [year, organizerId])
  const r = data && data.year === year ? data : null
  const yearLabel = year === thisYear ? '本年' : `${year} 年`

  const totals: Array<{ key: string; label: string; value: string; unit: string }> = r
    ? [
        { key: 'personTimes', label: '志愿服务', value: String(r.personTimes), unit: '人次' },
        { key: 'volunteers', label: '参与志愿者', value: String(r.volunteers), unit: '人' },
        { key: 'peopleServed', label: '服务群众', value: String(r.peopleServed), unit: '人次' },
        { key: 'hours', label: '服务时长', value: hoursText(r.hours), unit: '小时' }
      ]
    : []

  return (
    <PageShell className='org-report'>
      <View className='rp-years' ariaRole='group' ariaLabel='选择年份'>
        <View className={`rp-year-btn ${year <= FIRST_YEAR ? 'rp-off' : ''}`} id='year-prev' ariaRole='button' ariaLabel='上一年' onClick={() => { if (year > FIRST_YEAR) setYear(year - 1) }}>‹</View>
        <View className='rp-year' id='report-year'>{year} 年</View>
        <View className={`rp-year-btn ${year >= thisYear ? 'rp-off' : ''}`} id='year-next' ariaRole='button' ariaLabel='下一年' aria-disabled={year >= thisYear ? 'true' : 'false'} onClick={() => { if (year < thisYear) setYear(year + 1) }}>›</View>
      </View>
      <StatusView signInReason='登录后可以查看组织报告' loading={loading && !r} error={r ? null : error} onRetry={reload}>
        {r && (
          <View id='org-report'>
            <TrainingRule r={r} yearLabel={yearLabel} />
            <TrainedByTopic rows={r.trainedByTopic} yearLabel={yearLabel} />
            <View className='card'>
              <View className='rp-card-title'>志愿服务</View>
              <View className='rp-totals'>
                {totals.map((t) => (
                  <View key={t.key} className='rp-total' id={`total-${t.key}`}>
                    <View><Text className='rp-total-value'>{t.value}</Text><Text className='rp-total-unit'> {t.unit}</Text></View>
                    <View className='rp-total-label'>{t.label}</View>
                  </View>
                ))}
              </View>
              <View className='rp-note' id='report-events'>
                已举办活动 {r.events} 场 · 取消 {r.cancelled} 场
              </View>
              {r.events === 0 && <View className='rp-note'>{yearLabel}没有已结束的活动，活动结束后会计入这里。</View>}
            </View>
            <View className='rp-foot'>按活动开始日期计入年份（北京时间）；时长只计组织者确认过的。</View>
          </View>
        )}
      </StatusView>
    </PageShell>
  )
}
