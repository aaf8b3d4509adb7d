import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../core/pages'
import { setTransport } from '../../api'
import { fakeTransport, until } from '../../testing/fake-transport'
import { useSession } from '../../store/session'
import { useTextSize } from '../../store/text-size'
import Me from './index'

const testUtils = new TestUtils()

const zhao = { id: 'u-zhao', nickname: '赵网格', roles: ['citizen', 'grid_manager'] as const, gridIds: ['g1'] }

beforeEach(() => {
  setTransport(fakeTransport({
    'users.me': () => ({ ok: true, data: { user: { ...zhao, roles: [...zhao.roles] } } }),
    'users.messages': () => ({ ok: true, data: { items: [], next: null, unread: 0 } })
  }).transport)
  useSession.setState({ me: { ...zhao, roles: [...zhao.roles] }, status: 'ready', error: null })
  // The local gateway's dev login (server/gateway/http.ts answers in the one shape).
  jest.spyOn(Taro, 'request').mockImplementation((async (o: Taro.request.Option) => {
    const data = o.url === '/dev/users' ? { ok: true, data: { users: [{ id: zhao.id, nickname: zhao.nickname, roles: [...zhao.roles] }] } } : { ok: true, data: { token: 'dev-grid' } }
    return { data, statusCode: 200, header: {}, cookies: [], errMsg: 'request:ok' }
  }) as unknown as typeof Taro.request)
  jest.spyOn(Taro, 'switchTab').mockImplementation((async () => ({ errMsg: 'switchTab:ok' })) as unknown as typeof Taro.switchTab)
  useTextSize.setState({ choice: 'system', system: 1 })
  jest.spyOn(Taro, 'navigateTo').mockImplementation((async () => ({ errMsg: 'navigateTo:ok' })) as unknown as typeof Taro.navigateTo)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('我的', () => {
  it('offers the areas of the signed-in roles only, and opens each one\'s page', async () => {
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-areas .cell .cell-title')
    const titles = () => Array.from(document.querySelectorAll('#me-areas .cell .cell-title')).map((el) => el.textContent)
    expect(titles()).toEqual(['消息', '我的随手拍', '问卷调查', '志愿活动', '注册志愿者', '网格待办'])
    expect(Array.from(document.querySelectorAll('#me-roles [data-role]')).map((el) => el.getAttribute('data-role'))).toEqual(['citizen', 'grid_manager'])

    const inbox = Array.from(document.querySelectorAll('#me-areas .cell')).find((el) => el.textContent?.includes('网格待办'))!
    await testUtils.act(() => { testUtils.fireEvent.click(inbox) })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.gridInbox) })

    // Not a volunteer yet: the registration is offered where 我的志愿 will be.
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector(`[data-area="${pageUrl(PAGES.volunteerRegister)}"]`)!) })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.volunteerRegister) })
  })

  it('a volunteer who also organizes gets 我的志愿 and 我组织的活动, and no longer the registration', async () => {
    useSession.setState({ me: { id: 'u-li', nickname: '李志远', roles: ['citizen', 'volunteer', 'organizer'], gridIds: [] }, status: 'ready', error: null })
    setTransport(fakeTransport({
      'users.me': () => ({ ok: true, data: { user: { id: 'u-li', nickname: '李志远', roles: ['citizen', 'volunteer', 'organizer'], gridIds: [] } } }),
      'users.messages': () => ({ ok: true, data: { items: [], next: null, unread: 0 } })
    }).transport)
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-areas .cell .cell-title')
    const titles = Array.from(document.querySelectorAll('#me-areas .cell .cell-title')).map((el) => el.textContent)
    expect(titles).toEqual(['消息', '我的随手拍', '问卷调查', '志愿活动', '我的志愿', '我组织的活动'])
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector(`[data-area="${pageUrl(PAGES.organize)}"]`)!) })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.organize) })
  })

  it('an organizer who is not a resident or volunteer still sees 志愿活动, without the registration', async () => {
    useSession.setState({ me: { id: 'u-org', nickname: '王主任', roles: ['organizer'], gridIds: [] }, status: 'ready', error: null })
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-areas .cell .cell-title')
    expect(Array.from(document.querySelectorAll('#me-areas .cell .cell-title')).map((el) => el.textContent)).toEqual(['志愿活动', '我组织的活动'])
  })

  it('the office gets 分拣台, 问卷管理 (which opens the survey list), 指标看板, 问题分类, 系统设置, 人员与角色, 网格管理 and 操作记录', async () => {
    useSession.setState({ me: { id: 'u-office', nickname: '文明办小刘', roles: ['admin'], gridIds: [] }, status: 'ready', error: null })
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('#me-areas .cell .cell-title')
    expect(Array.from(document.querySelectorAll('#me-areas .cell .cell-title')).map((el) => el.textContent)).toEqual(['志愿活动', '分拣台', '问卷管理', '指标看板', '问题分类', '系统设置', '人员与角色', '网格管理', '操作记录'])
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector(`[data-area="${pageUrl(PAGES.adminSurveys)}"]`)!) })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.adminSurveys) })
  })

  it('signing in from the sign-in prompt goes back to the page that asked', async () => {
    useSession.setState({ me: null, status: 'signedOut', error: null, returnTo: pageUrl(PAGES.gridInbox) })
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('.demo-user[data-user="u-zhao"]')
    await testUtils.act(async () => { testUtils.fireEvent.click(document.querySelector('.demo-user[data-user="u-zhao"]')!) })
    await until(() => (Taro.navigateTo as jest.Mock).mock.calls.length > 0)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.gridInbox) })
    expect(useSession.getState()).toMatchObject({ status: 'ready', returnTo: null })
  })

  it('offers 文字大小 and keeps the choice: 特大 is 1.5×', async () => {
    await testUtils.mount(Me, { props: {} })
    await testUtils.queries.waitForQuerySelector('.text-size-option[data-scale="1.5"]')
    const checked = () => document.querySelector('.text-size-option[aria-checked="true"] .cell-title')?.textContent
    expect(checked()).toBe('跟随系统')
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('.text-size-option[data-scale="1.5"]')!) })
    expect(useTextSize.getState().choice).toBe(1.5)
    expect(checked()).toBe('特大')
  })
})
