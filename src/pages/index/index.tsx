import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../core/pages'
import type { HeadlineView } from '../../../core/views'
import { call } from '../../api'
import { IndicatorCard, rateIndicator, type RateKey } from '../../components/indicator-card'
import { StatusView } from '../../components/status-view'
import { useSession } from '../../store/session'
import { useAction } from '../../utils/use-action'
import { PageShell } from '../../components/page-shell'
import './index.css'

const SURVEY: RateKey[] = ['awareness', 'support', 'satisfaction']
const PEOPLE: RateKey[] = ['participation', 'volunteerRegistration']
const TICKETS: RateKey[] = ['closeRate', 'onTimeCloseRate', 'fixSatisfaction', 'reworkRate']

/** The rates of `keys`, each judged and labelled as the dashboard does (components/indicator-card). */
function Rates ({ data, keys }: { data: HeadlineView; keys: RateKey[] }) {
  return <>{keys.map((k) => <IndicatorCard key={k} indicator={rateIndicator(k)} rate={data[k]} targets={data.targets} />)}</>
}

/** The signed-in resident's own grid, beside the city: the same survey rates (few answers there read 样本不足). */
function MyArea ({ gridId }: { gridId: string }) {
  const { data } = useAction(() => call('stats', 'headline', { gridId }), [gridId])
  if (!data) return null
  return (
    <View id='my-area'>
      <View className='section-title'>我所在网格：{data.scope.name}</View>
      <View className='card'>
        <Rates data={data} keys={SURVEY} />
      </View>
    </View>
  )
}

export default function Home () {
  const { data, loading, error, reload } = useAction(() => call('stats', 'headline', {}))
  const homeGridId = useSession((s) => s.me?.homeGridId ?? null)
  usePullDownRefresh(() => { void reload().finally(() => Taro.stopPullDownRefresh()) })

  return (
    <PageShell className='home'>
      <View className='hero'>
        <Text className='hero-title'>文明共建</Text>
        <Text className='hero-sub'>共建全国文明城市 · {data?.scope.name ?? '雨花区'}</Text>
      </View>
      <View className='shortcuts'>
        <View className='shortcut' ariaRole='button' onClick={() => Taro.switchTab({ url: pageUrl(PAGES.report) })}><Text className='sc-icon' aria-hidden='true'>📷</Text><Text>随手拍</Text></View>
        <View className='shortcut' ariaRole='button' onClick={() => Taro.navigateTo({ url: pageUrl(PAGES.events) })}><Text className='sc-icon' aria-hidden='true'>🤝</Text><Text>志愿服务</Text></View>
        <View className='shortcut' ariaRole='button' onClick={() => Taro.navigateTo({ url: pageUrl(PAGES.surveys) })}><Text className='sc-icon' aria-hidden='true'>📝</Text><Text>问卷调查</Text></View>
      </View>
      <StatusView loading={loading && !data} error={data ? null : error} onRetry={reload}>
        {data && (
          <>
            <View id='headline'>
              <View className='section-title'>测评指标（居民调查）</View>
              <View className='card'>
                <View className='home-legend' aria-hidden='true'>
                  <Text className='legend-item'><Text className='legend-swatch met' />达到目标</Text>
                  <Text className='legend-item'><Text className='legend-swatch missed' />未达目标</Text>
                  <Text className='legend-item'><Text className='legend-swatch none' />未设目标</Text>
                </View>
                <Rates data={data} keys={[...SURVEY, ...PEOPLE]} />
              </View>
              <View className='section-title'>随手拍办理</View>
              <View className='card'>
                <View className='row counters'>
                  <View className='counter'><Text className='counter-num'>{data.openTickets}</Text><Text className='counter-label'>办理中</Text></View>
                  <View className='counter'><Text className='counter-num warn'>{data.overdueTickets}</Text><Text className='counter-label'>已超期</Text></View>
                  <View className='counter'><Text className='counter-num'>{data.closeRate.numerator}</Text><Text className='counter-label'>已结案</Text></View>
                </View>
                <Rates data={data} keys={TICKETS} />
              </View>
            </View>
            {homeGridId && <MyArea gridId={homeGridId} />}
          </>
        )}
      </StatusView>
    </PageShell>
  )
}
