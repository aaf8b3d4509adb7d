import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { PAGES, pageUrl } from '../../../core/pages'
import { setTransport } from '../../api'
import { fakeTransport } from '../../testing/fake-transport'
import { useSession } from '../../store/session'
import Me from './index'

const testUtils = new TestUtils()

const zhao = { id: 'u-zhao', nickname: '赵网格', roles: ['citizen', 'grid_manager'] as const, gridIds: ['g1'] }

beforeEach(() => {
  setTransport(fakeTransport({
    'users.me': () => ({ ok: true, data: { user: { ...zhao, roles: [...zhao.roles] } } }),
    'users.messages': () => ({ ok: true, data: { items: [], next: null, unread: 0 } })
  }).transport)
  useSession.setState({ me: { ...zhao, roles: [...zhao.roles] }, status: 'ready', error: null })
  jest.spyOn(Taro, 'request').mockImplementation((async () => ({ data: { users: [] }, statusCode: 200, header: {}, cookies: [], errMsg: 'request:ok' })) as unknown as typeof Taro.request)
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
    await testUtils.queries.waitForQuerySelector('.cells .cell .cell-title')
    const titles = () => Array.from(document.querySelectorAll('.cells .cell .cell-title')).map((el) => el.textContent)
    expect(titles()).toEqual(['消息', '我的随手拍', '问卷调查', '网格待办'])
    expect(Array.from(document.querySelectorAll('#me-roles [data-role]')).map((el) => el.getAttribute('data-role'))).toEqual(['citizen', 'grid_manager'])

    const inbox = Array.from(document.querySelectorAll('.cells .cell')).find((el) => el.textContent?.includes('网格待办'))!
    await testUtils.act(() => { testUtils.fireEvent.click(inbox) })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: pageUrl(PAGES.gridInbox) })
  })
})
