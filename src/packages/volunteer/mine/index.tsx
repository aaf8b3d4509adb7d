import { View, Text, Textarea } from '@tarojs/components'
import Taro, { useDidShow, useReachBottom } from '@tarojs/taro'
import dayjs from 'dayjs'
import { useEffect, useRef, useState } from 'react'
import { PAGES, pageUrl } from '../../../../core/pages'
import { appealInput } from '../../../../core/schemas'
import type { MySignupView, MyVolunteerView } from '../../../../core/volunteer/views'
import { call, errorText } from '../../../api'
import { PageShell } from '../../../components/page-shell'
import { ResidentEmpty, ResidentListFoot } from '../../../components/resident-empty'
import { StatusView } from '../../../components/status-view'
import { useAction } from '../../../utils/use-action'
import { usePaged } from '../../../utils/use-paged'
import { dayTime, hoursText } from '../events/event-text'
import './index.css'

type Tone = 'green' | 'orange' | 'red' | 'grey'

/** What became of one signup, in the volunteer's words. */
function stateOf ({ signup: s, event: e }: MySignupView, nowMs: number): { label: string; tone: Tone } {
  if (e.status === 'cancelled') return { label: '活动已取消', tone: 'grey' }
  if (s.status === 'cancelled') return { label: '已取消报名', tone: 'grey' }
  if (s.status === 'lapsed') return { label: '候补名额未确认', tone: 'grey' }
  if (s.status === 'waitlisted') return { label: '候补中', tone: 'orange' }
  if (s.status === 'offered') return { label: '待确认名额', tone: 'orange' }
  if (s.noShow) return { label: '记为缺席', tone: 'red' }
  if (s.hoursConfirmedAt) return { label: '时长已确认', tone: 'green' }
  if (s.checkOutAt) return { label: '待组织者确认', tone: 'orange' }
  if (s.checkInAt) return { label: '已签到', tone: 'green' }
  if (Date.parse(e.endAt) < nowMs) return { label: '未签到', tone: 'red' }
  return { label: '已报名', tone: 'green' }
}

function countedText (c: MySignupView['counted']): string | null {
  const total = c.earned + c.manual
  if (total <= 0) return null
  return c.manual > 0 ? `计 ${hoursText(total)} 小时（信用 ${hoursText(c.earned)} + 补录 ${hoursText(c.manual)}）` : `计 ${hoursText(total)} 小时`
}

const date = (iso: string) => dayjs(iso).format('YYYY年M月D日')

function Stars ({ stars, of }: { stars: number; of: number }) {
  return (
    <View className='vm-stars' id='mine-star-row' ariaRole='img' ariaLabel={`${stars} 星，共 ${of} 星`}>
      {Array.from({ length: of }, (_, i) => <Text key={i} className={`vm-star ${i < stars ? 'on' : ''}`} aria-hidden='true'>{i < stars ? '★' : '☆'}</Text>)}
    </View>
  )
}

/**
 * 我的志愿: my hours (信用 and 补录 kept apart, unconfirmed shown aside), star level with the way to the next, places
 * offered to me, every signup with what it counted and an appeal where it went wrong, trainings with expiry, how
 * reliably I turned up, and the 志愿服务记录证明 — issued here and listed.
 */
export default function Mine () {
  const { data, loading, error, reload } = useAction(() => call('volunteer', 'mine', {}))
  const history = usePaged((cursor) => call('volunteer', 'mySignups', { cursor, limit: 20 }))
  const registered = !!data?.profile
  const [busy, setBusy] = useState<string | null>(null)
  const [appealing, setAppealing] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [appealError, setAppealError] = useState<string | null>(null)
  const [certError, setCertError] = useState<string | null>(null)
  const shown = useRef(false)

  useEffect(() => { if (registered) void history.load(null) }, [registered]) // eslint-disable-line react-hooks/exhaustive-deps
  // Back from an event or a certificate: what changed there shows here (the first show is the mount's load).
  useDidShow(() => {
    if (!shown.current) { shown.current = true; return }
    void reload()
    if (registered) void history.load(null)
  })
  const more = () => { if (history.next && !history.loading) void history.load(history.next) }
  useReachBottom(more)

  const accept = async (eventId: string) => {
    if (busy) return
    setBusy(eventId)
    try {
      await call('volunteer', 'acceptOffer', { eventId })
      Taro.showToast({ title: '已确认参加', icon: 'success' })
      await Promise.all([reload(), history.load(null)])
    } catch (err) {
      Taro.showToast({ title: errorText(err), icon: 'none' })
      await reload()
    } finally {
      setBusy(null)
    }
  }

  const openAppeal = (eventId: string) => {
    setAppealing(eventId)
    setReason('')
    setAppealError(null)
  }
  const sendAppeal = async () => {
    if (!appealing || busy) return
    const parsed = appealInput.safeParse({ eventId: appealing, reason })
    if (!parsed.success) { setAppealError(parsed.error.issues[0].message); return }
    setBusy(appealing)
    try {
      await call('volunteer', 'appeal', parsed.data)
      setAppealing(null)
      Taro.showToast({ title: '申诉已提交', icon: 'success' })
      await history.load(null)
    } catch (err) {
      setAppealError(errorText(err))
    } finally {
      setBusy(null)
    }
  }

  const requestCertificate = async (v: MyVolunteerView) => {
    if (busy) return
    const { confirm } = await Taro.showModal({
      title: '开具志愿服务记录证明',
      content: `将按目前已确认的 ${hoursText(v.hours.total)} 小时、${v.hours.serviceCount} 次服务开具，开具后内容不再改变。${v.hours.pending > 0 ? `还有 ${hoursText(v.hours.pending)} 小时待确认，不计入。` : ''}`,
      confirmText: '开具',
      cancelText: '再等等'
    })
    if (!confirm) return
    setBusy('certificate')
    setCertError(null)
    try {
      const cert = await call('volunteer', 'requestCertificate', {})
      Taro.showToast({ title: '证明已开具', icon: 'success' })
      void reload()
      await Taro.navigateTo({ url: pageUrl(PAGES.certificate, { number: cert.number }) })
    } catch (err) {
      setCertError(errorText(err))
    } finally {
      setBusy(null)
    }
  }

  const now = Date.now()
  const openEvent = (id: string) => () => void Taro.navigateTo({ url: pageUrl(PAGES.eventDetail, { id }) })

  const body = (v: MyVolunteerView) => {
    const p = v.profile!
    const top = v.thresholds.length
    const r = v.reliability
    return (
      <View id='mine'>
        <View className='card vm-profile' id='mine-profile'>
          <View className='vm-name'>{p.realName}</View>
          <View className='vm-line'>志愿者编号 {p.volunteerNo} · {p.community}</View>
          {p.skills.length > 0 && <View className='vm-line'>服务意向：{p.skills.join('、')}</View>}
        </View>

        <View className='card vm-hours' id='mine-hours'>
          <View className='vm-caption'>累计志愿服务时长</View>
          <View className='vm-total'><Text id='mine-total'>{hoursText(v.hours.total)}</Text><Text className='vm-unit'> 小时</Text></View>
          <View className='vm-split' id='mine-split'>信用时长 {hoursText(v.hours.earned)} 小时 · 补录 {hoursText(v.hours.manual)} 小时 · 服务 {v.hours.serviceCount} 次</View>
          {v.hours.pending > 0 && <View className='vm-pending' id='mine-pending'>另有 {hoursText(v.hours.pending)} 小时待组织者确认，确认后计入</View>}
          <View className='vm-hint'>信用时长是签到签退记下的时间；补录是组织者为漏签的服务补记的时间。</View>
        </View>

        <View className='card' id='mine-stars'>
          <View className='vm-section-title'>星级</View>
          <View className='row'>
            <Stars stars={v.stars.stars} of={top} />
            <View className='spacer' />
            <Text className='vm-level' id='mine-level'>{v.stars.stars > 0 ? `${v.stars.stars} 星志愿者` : '尚未评星'}</Text>
          </View>
          <View className='vm-bar' ariaRole='progressbar' aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(v.stars.share * 100)}
            ariaLabel={v.stars.nextAt === null ? '已达到最高星级' : `距 ${v.stars.stars + 1} 星已完成 ${Math.round(v.stars.share * 100)}%`}>
            <View className='vm-bar-fill' id='mine-star-fill' style={{ width: `${Math.round(v.stars.share * 100)}%` }} />
          </View>
          <View className='vm-next' id='mine-next'>
            {v.stars.toNext === null ? '已达到最高星级，感谢你的长期付出' : `再服务 ${hoursText(v.stars.toNext)} 小时升至 ${v.stars.stars + 1} 星`}
          </View>
          <View className='vm-table' id='mine-thresholds'>
            {v.thresholds.map((t, i) => (
              <View key={t} className={`vm-tr ${i < v.stars.stars ? 'done' : ''}`} data-star={i + 1}>
                <View className='vm-td' ariaLabel={`${i + 1} 星`}>{'★'.repeat(i + 1)}</View>
                <Text className='vm-td vm-td-need'>满 {t} 小时</Text>
                <Text className='vm-td vm-td-state'>{i < v.stars.stars ? '✓ 已达到' : `还差 ${hoursText(Math.max(0, t - v.stars.hours))} 小时`}</Text>
              </View>
            ))}
          </View>
        </View>

        {v.offers.length > 0 && (
          <View id='mine-offers'>
            <View className='section-title'>待我确认的名额</View>
            {v.offers.map((o) => (
              <View key={o.eventId} className='card vm-offer' data-offer={o.eventId}>
                <View className='vm-offer-title' ariaRole='link' onClick={openEvent(o.eventId)}>{o.title} ›</View>
                <View className='vm-line vm-warn'>有名额空出，请在 {dayTime(o.expiresAt)} 前确认，逾期让给下一位</View>
                <View className={`vm-btn ${busy === o.eventId ? 'busy' : ''}`} ariaRole='button' data-accept={o.eventId} onClick={() => void accept(o.eventId)}>
                  {busy === o.eventId ? '请稍候…' : '确认参加'}
                </View>
              </View>
            ))}
          </View>
        )}

        <View className='section-title'>我的报名</View>
        <View id='mine-signups'>
          {history.items.length === 0 && !history.loading && !history.error && (
            <View className='card vm-empty'>还没有报名过活动。<View className='vm-link' ariaRole='link' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.events) })}>去看看志愿活动 ›</View></View>
          )}
          {history.items.length === 0 && history.error && (
            <View className='card vm-empty error-text'>{history.error}<View className='vm-link' ariaRole='button' onClick={() => void history.load(null)}>重试</View></View>
          )}
          {history.items.map((h) => {
            const st = stateOf(h, now)
            const counted = countedText(h.counted)
            const appeal = h.signup.appeal
            return (
              <View key={h.signup.id} className='card vm-signup' data-signup={h.event.id} data-state={st.label}>
                <View className='row' ariaRole='link' onClick={openEvent(h.event.id)}>
                  <View className='vm-signup-title'>{h.event.title}</View>
                  <View className='spacer' />
                  <Text className={`tag ${st.tone === 'grey' ? '' : st.tone} vm-signup-state`}>{st.label}</Text>
                </View>
                <View className='vm-line'>{dayTime(h.event.startAt)} · {h.event.kind === 'training' ? '培训' : h.event.topic}</View>
                {counted && <View className='vm-line vm-counted'>{counted}</View>}
                {appeal && <View className='vm-line vm-appeal-state'>{appeal.resolvedAt ? '申诉已处理' : '已申诉，等待组织者核实'}：{appeal.reason}</View>}
                {h.canAppeal && appealing !== h.event.id && (
                  <View className='vm-btn vm-btn-plain' ariaRole='button' data-appeal={h.event.id} onClick={() => openAppeal(h.event.id)}>
                    {h.signup.noShow ? '申诉：我其实到场了' : '申诉时长'}
                  </View>
                )}
                {appealing === h.event.id && (
                  <View className='vm-appeal' id='appeal-form'>
                    <Textarea className='vm-textarea' id='appeal-reason' maxlength={200}
                      placeholder={h.signup.noShow ? '说明你到场的情况，如几点到、和谁一起服务' : '说明时长哪里不对，如实际服务到几点'}
                      ariaLabel='申诉理由' onInput={(e) => { setReason(e.detail.value); setAppealError(null) }} />
                    {appealError && <View className='error-text' id='appeal-error'>{appealError}</View>}
                    <View className='row vm-appeal-actions'>
                      <View className='vm-btn vm-btn-plain' id='appeal-cancel' ariaRole='button' onClick={() => setAppealing(null)}>不申诉了</View>
                      <View className={`vm-btn ${busy === h.event.id ? 'busy' : ''}`} id='appeal-submit' ariaRole='button' onClick={() => void sendAppeal()}>
                        {busy === h.event.id ? '正在提交…' : '提交申诉'}
                      </View>
                    </View>
                  </View>
                )}
              </View>
            )
          })}
          <ResidentListFoot next={history.next} loading={history.loading} error={history.error} count={history.items.length} onMore={more} />
        </View>

        <View className='section-title'>我的培训</View>
        <View className='cells' id='mine-trainings'>
          {v.trainings.length === 0
            ? <View className='cell'><View className='cell-body cell-desc'>还没有完成的培训。有些活动要求先完成相应培训才能报名。</View></View>
            : v.trainings.map((t) => (
              <View key={`${t.topic}-${t.completedAt}`} className='cell' data-training={t.topic}>
                <View className='cell-body'>
                  <View className='cell-title'>{t.title}</View>
                  <View className='cell-desc'>{t.topic} · {date(t.completedAt)} 完成</View>
                </View>
                <Text className={`tag ${t.valid ? 'green' : 'red'}`}>{t.valid ? `有效至 ${date(t.expiresAt)}` : '已过期'}</Text>
              </View>
            ))}
        </View>

        <View className='card' id='mine-reliability'>
          <View className='vm-section-title'>守约率</View>
          {r.share === null
            ? <View className='vm-line'>还没有已结束的报名活动</View>
            : <View className='vm-reliability'>守约率 <Text id='mine-reliability-value'>{r.attended}/{r.signedUp}</Text>（{Math.round(r.share * 100)}%）</View>}
          <View className='vm-hint'>报名并保留了名额的活动中，你到场签到的次数。只有你自己能看到；被误记缺席可以在上面申诉。</View>
        </View>

        <View className='section-title'>志愿服务记录证明</View>
        <View className='card' id='mine-certificates'>
          <View className='vm-hint'>按已确认的服务记录开具，带证明编号和校验码，任何人都可以扫码核验真伪。</View>
          <View className={`vm-btn vm-btn-big ${busy === 'certificate' ? 'busy' : ''}`} id='request-certificate' ariaRole='button' onClick={() => void requestCertificate(v)}>
            {busy === 'certificate' ? '正在开具…' : '开具志愿服务记录证明'}
          </View>
          {certError && <View className='error-text vm-cert-error' id='certificate-error'>{certError}</View>}
          {v.certificates.map((c) => (
            <View key={c.number} className='vm-cert' data-certificate={c.number} ariaRole='link'
              onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.certificate, { number: c.number }) })}>
              <View className='cell-body'>
                <View className='vm-cert-number'>{c.number}</View>
                <View className='cell-desc'>{date(c.issuedAt)} 开具 · {hoursText(c.earnedHours + c.manualHours)} 小时</View>
              </View>
              <Text className='cell-arrow' aria-hidden='true'>›</Text>
            </View>
          ))}
          {v.moreCertificates && <View className='vm-hint' id='mine-certificates-more'>这里列出最近 {v.certificates.length} 份；更早的证明仍可用编号和校验码核验。</View>}
        </View>
      </View>
    )
  }

  return (
    <PageShell className='vol-mine'>
      <StatusView signInReason='登录后可以查看你的志愿服务时长和证明' loading={loading && !data} error={data ? null : error} onRetry={reload}>
        {data && !data.profile && (
          <ResidentEmpty
            id='mine-register' icon='🤝' title='你还不是志愿者'
            text='注册成为志愿者后，可以报名志愿服务和培训，服务时长会记录在这里，还能开具志愿服务记录证明。'
            action={{ label: '注册志愿者', onClick: () => void Taro.navigateTo({ url: pageUrl(PAGES.volunteerRegister) }) }}
          />
        )}
        {data?.profile && body(data)}
      </StatusView>
    </PageShell>
  )
}
