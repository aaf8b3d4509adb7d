import { Button, View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { PAGES, pageUrl } from '../../../core/pages'
import { ROLE_LABELS, type Role } from '../../../core/types'
import { call } from '../../api'
import { devLoginAvailable, listDemoUsers, type DemoUser } from '../../api/dev'
import { PageShell } from '../../components/page-shell'
import { scanSignInNeeded, useDevLogin } from '../../store/dev-login'
import { useSession } from '../../store/session'
import { TEXT_SCALES, TEXT_SCALE_LABELS, nearestScale, useTextSize, type TextChoice } from '../../store/text-size'
import { openUrl } from '../../utils/navigate'
import { scanDeskCode } from '../../utils/scan-desk'
import './index.css'

/**
 * The areas of 我的, each shown by the roles held: `role` must be held (`signedIn`: anyone signed in), and
 * `without` must not be — so a resident who is not yet a volunteer is offered the registration instead.
 */
interface Area { role: Role | 'signedIn'; without?: Role; title: string; desc: string; url: string }

const AREAS: Area[] = [
  { role: 'citizen', title: '消息', desc: '上报进展、待办提醒', url: pageUrl(PAGES.messages) },
  { role: 'citizen', title: '我的随手拍', desc: '查看上报进度，核查并评价', url: pageUrl(PAGES.myReports) },
  { role: 'citizen', title: '问卷调查', desc: '知晓率、支持率、满意率调查', url: pageUrl(PAGES.surveys) },
  { role: 'signedIn', title: '志愿活动', desc: '志愿服务和培训，志愿者可以报名', url: pageUrl(PAGES.events) },
  { role: 'volunteer', title: '我的志愿', desc: '服务时长、星级、培训和服务记录证明', url: pageUrl(PAGES.myVolunteer) },
  { role: 'citizen', without: 'volunteer', title: '注册志愿者', desc: '注册后可以报名志愿服务，记录服务时长', url: pageUrl(PAGES.volunteerRegister) },
  { role: 'organizer', title: '我组织的活动', desc: '发布活动、查看报名、签到和确认时长', url: pageUrl(PAGES.organize) },
  { role: 'grid_manager', title: '网格待办', desc: '本网格的案卷', url: pageUrl(PAGES.gridInbox) },
  { role: 'admin', title: '分拣台', desc: '未落入网格或无人负责的案卷', url: pageUrl(PAGES.adminTriage) },
  { role: 'admin', title: '问卷管理', desc: '新建和发布问卷，查看各区域结果并导出', url: pageUrl(PAGES.adminSurveys) },
  { role: 'admin', title: '指标看板', desc: '各区域、各时段的测评指标，趋势、排名和地图，可导出', url: pageUrl(PAGES.adminDashboard) },
  { role: 'admin', title: '问题分类', desc: '上报的大类和小类，处理时限、责任部门，停用和启用', url: pageUrl(PAGES.adminCategories) },
  { role: 'admin', title: '系统设置', desc: '上报次数、核查期限、志愿服务规则、指标目标，留有修改记录', url: pageUrl(PAGES.adminSettings) },
  { role: 'admin', title: '人员与角色', desc: '查找人员，任命网格员、组织者和文明办人员，暂停上报', url: pageUrl(PAGES.adminPeople) },
  { role: 'admin', title: '网格管理', desc: '导入网格文件、指派网格员、常住人口，版本记录可恢复', url: pageUrl(PAGES.adminGrids) },
  { role: 'admin', title: '操作记录', desc: '角色变动、屏蔽和暂停上报等每一项操作：谁、何时、为什么', url: pageUrl(PAGES.adminAudit) }
]

function areasFor (roles: readonly Role[]): Area[] {
  return AREAS.filter((a) => (a.role === 'signedIn' || roles.includes(a.role)) && !(a.without && roles.includes(a.without)))
}

function setBadge (unread: number): void {
  if (unread > 0) void Taro.setTabBarBadge({ index: 2, text: String(Math.min(99, unread)) }).catch(() => undefined)
  else void Taro.removeTabBarBadge({ index: 2 }).catch(() => undefined)
}

/** 文字大小: 跟随系统 / 标准 / 大 / 特大, remembered on this phone. */
function TextSizeSetting () {
  const { choice, system, choose } = useTextSize()
  const options: Array<{ value: TextChoice; title: string; desc?: string }> = [
    { value: 'system', title: '跟随系统', desc: `按手机的字体设置：${TEXT_SCALE_LABELS[nearestScale(system)]}` },
    ...TEXT_SCALES.map((s) => ({ value: s, title: TEXT_SCALE_LABELS[s], desc: s === 1 ? undefined : `文字放大到 ${s} 倍` }))
  ]
  return (
    <View className='text-size' id='text-size'>
      <View className='section-title' id='text-size-title'>文字大小</View>
      <View className='cells' ariaRole='radiogroup' aria-labelledby='text-size-title'>
        {options.map((o) => (
          <View key={String(o.value)} className={`cell text-size-option${choice === o.value ? ' on' : ''}`} data-scale={String(o.value)}
            ariaRole='radio' aria-checked={choice === o.value ? 'true' : 'false'} onClick={() => choose(o.value)}>
            <View className='cell-body'>
              <View className='cell-title'>{o.title}</View>
              {o.desc && <View className='cell-desc'>{o.desc}</View>}
            </View>
            <Text className='check' aria-hidden='true'>{choice === o.value ? '✓' : ''}</Text>
          </View>
        ))}
      </View>
      <View className='card text-size-sample'>示例：随手拍下身边的问题，网格员会尽快处理。</View>
    </View>
  )
}

export default function Me () {
  const { me, status, error, load, loginAs, logout, setReturnTo } = useSession()
  const [demo, setDemo] = useState<DemoUser[]>([])
  const [demoError, setDemoError] = useState<string | null>(null)

  const [unread, setUnread] = useState(0)
  useDidShow(() => {
    void load().then(() => call('users', 'messages', { limit: 1 })).then((m) => {
      setUnread(m.unread)
      setBadge(m.unread)
    }, () => setUnread(0))
  })
  useEffect(() => {
    if (!devLoginAvailable) return
    listDemoUsers().then(setDemo, (e: Error) => setDemoError(e.message))
  }, [])
  // A browser whose gateway has the dev login off signs in by scanning (packages/account/signin).
  const { state: devLogin, check: checkDevLogin } = useDevLogin()
  useEffect(checkDevLogin, [checkDevLogin])
  const scanOnly = scanSignInNeeded(devLogin)

  // Signed in from the sign-in prompt: back to the page that asked.
  const signIn = async (userId: string) => {
    await loginAs(userId)
    const s = useSession.getState()
    if (s.status !== 'ready') return
    if (s.returnTo) {
      setReturnTo(null)
      void openUrl(s.returnTo)
    }
  }
  const signOut = () => {
    logout()
    setUnread(0)
    setBadge(0)
  }

  return (
    <PageShell className='me'>
      <View className='profile'>
        <View className='avatar' aria-hidden='true'>{me ? me.nickname.slice(0, 1) : '?'}</View>
        <View className='cell-body'>
          <View className='nickname' id='me-name'>{me ? me.nickname : status === 'loading' ? '正在登录…' : '未登录'}</View>
          <View className='roles' id='me-roles'>
            {me?.roles.map((r) => <Text key={r} className='tag green' data-role={r}>{ROLE_LABELS[r]}</Text>)}
          </View>
          {status === 'error' && <Text className='error-text'>{error}</Text>}
        </View>
      </View>

      {me && (
        <View className='cells' id='me-areas'>
          {areasFor(me.roles).map((a) => (
            <View key={a.url} className='cell' data-area={a.url} onClick={() => Taro.navigateTo({ url: a.url })}>
              <View className='cell-body'>
                <View className='cell-title'>{a.title}{a.title === '消息' && unread > 0 && <Text className='badge-inline' aria-label={`${unread} 条未读`}>{unread}</Text>}</View>
                <View className='cell-desc'>{a.desc}</View>
              </View>
              <Text className='cell-arrow' aria-hidden='true'>›</Text>
            </View>
          ))}
        </View>
      )}

      {me && (
        <View className='cells' id='me-desk'>
          {(process.env.TARO_ENV) === 'weapp' && (
            <View className='cell' id='me-scan-desk' ariaRole='button' onClick={() => void scanDeskCode()}>
              <View className='cell-body'>
                <View className='cell-title'>扫码登录电脑版</View>
                <View className='cell-desc'>在电脑浏览器打开文明共建网页版，扫码即可登录</View>
              </View>
              <Text className='cell-arrow' aria-hidden='true'>›</Text>
            </View>
          )}
          <View className='cell' data-area={pageUrl(PAGES.deskSessions)} onClick={() => Taro.navigateTo({ url: pageUrl(PAGES.deskSessions) })}>
            <View className='cell-body'>
              <View className='cell-title'>桌面登录</View>
              <View className='cell-desc'>在电脑上登录的记录，不用的可以退出</View>
            </View>
            <Text className='cell-arrow' aria-hidden='true'>›</Text>
          </View>
        </View>
      )}

      {scanOnly && (
        <View className='scan-login' id='me-scan-login'>
          {!me && <View className='card login-hint'>请用手机扫码登录：在手机微信里打开「文明共建」小程序，点「我的 → 扫码登录电脑版」，扫描登录页上的二维码。</View>}
          {!me && <View className='me-signin'><Button className='btn-primary' id='me-go-signin' onClick={() => void Taro.navigateTo({ url: pageUrl(PAGES.deskSignIn) })}>扫码登录</Button></View>}
          {me && <View className='cells'><View className='cell logout' id='me-logout' onClick={signOut}><View className='cell-body error-text'>退出登录</View></View></View>}
        </View>
      )}

      {devLoginAvailable && !scanOnly && (
        <View className='dev-login'>
          <View className='section-title'>{me ? '切换演示账号' : '选择一个演示账号登录'}（仅本地网关提供）</View>
          {!me && <View className='card login-hint'>登录后可以随手拍上报问题、查看办理进度；网格员和文明办的账号还能办理案卷。</View>}
          {demoError && <View className='card error-text'>{demoError}</View>}
          <View className='cells'>
            {demo.map((u) => (
              <View key={u.id} className={`cell demo-user ${me?.id === u.id ? 'current' : ''}`} data-user={u.id} onClick={() => void signIn(u.id)}>
                <View className='cell-body'>
                  <View className='cell-title'>{u.nickname}</View>
                  <View className='cell-desc'>{u.roles.map((r) => ROLE_LABELS[r]).join(' · ')}</View>
                </View>
                <Text className='cell-arrow'>{me?.id === u.id ? '当前' : '登录'}</Text>
              </View>
            ))}
          </View>
          {me && <View className='cells'><View className='cell logout' id='me-logout' onClick={signOut}><View className='cell-body error-text'>退出登录</View></View></View>}
        </View>
      )}

      <TextSizeSetting />
    </PageShell>
  )
}
