import { View, Text } from '@tarojs/components'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { indicatorDirection } from '../../../core/indicators/display'
import { PAGES, pageUrl } from '../../../core/pages'
import { call } from '../../api'
import { RateBar } from '../../components/rate-bar'
import { StatusView } from '../../components/status-view'
import { useSession } from '../../store/session'
import { useAction } from '../../utils/use-action'
import { PageShell } from '../../components/page-shell'
import './index.css'

/** The signed-in resident's own grid, beside the city: the same survey rates (few answers there read 样本不足). */
function MyArea ({ gridId }: { gridId: string }) {
  const { data } = useAction(() => call('stats', 'headline', { gridId }), [gridId])
  if (!data) return null
  return (
    <View id='my-area'>
      <View className='section-title'>我所在网格：{data.scope.name}</View>
      <View className='card'>
        <RateBar label='知晓率' rate={data.awareness} target={data.targets.awareness} />
        <RateBar label='支持率' rate={data.support} target={data.targets.support} />
        <RateBar label='满意率' rate={data.satisfaction} target={data.targets.satisfaction} />
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
                <RateBar label='知晓率' rate={data.awareness} target={data.targets.awareness} />
                <RateBar label='支持率' rate={data.support} target={data.targets.support} />
                <RateBar label='满意率' rate={data.satisfaction} target={data.targets.satisfaction} />
                <RateBar label='参与率' rate={data.participation} base='常住人口' counted='已参与' direction={indicatorDirection('participation')} />
                <RateBar label='志愿者注册率' rate={data.volunteerRegistration} target={data.targets.volunteerRegistration} base='常住人口' counted='已注册' />
              </View>
              <View className='section-title'>随手拍办理</View>
              <View className='card'>
                <View className='row counters'>
                  <View className='counter'><Text className='counter-num'>{data.openTickets}</Text><Text className='counter-label'>办理中</Text></View>
                  <View className='counter'><Text className='counter-num warn'>{data.overdueTickets}</Text><Text className='counter-label'>已超期</Text></View>
                  <View className='counter'><Text className='counter-num'>{data.closeRate.numerator}</Text><Text className='counter-label'>已结案</Text></View>
                </View>
                <RateBar label='结案率' rate={data.closeRate} base='应结案' direction={indicatorDirection('closeRate')} />
                <RateBar label='按期结案率' rate={data.onTimeCloseRate} base='应结案（不含缓办）' direction={indicatorDirection('onTimeCloseRate')} />
                <RateBar label='整改满意率' rate={data.fixSatisfaction} target={data.targets.satisfaction} base='评价' direction={indicatorDirection('fixSatisfaction')} />
                <RateBar label='返工率' rate={data.reworkRate} base='已核查' direction={indicatorDirection('reworkRate')} />
              </View>
            </View>
            {homeGridId && <MyArea gridId={homeGridId} />}
          </>
        )}
      </StatusView>
    </PageShell>
  )
}
