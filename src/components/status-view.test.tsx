import TestUtils from '@tarojs/test-utils-react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { PAGES, pageUrl } from '../../core/pages'
import { ApiError } from '../api'
import { useSession } from '../store/session'
import { useAction } from '../utils/use-action'
import { StatusView } from './status-view'

const testUtils = new TestUtils()

let answer: 'signed-out' | 'down' | 'ok' = 'signed-out'
const load = jest.fn(async () => {
  if (answer === 'signed-out') throw new ApiError('UNAUTHENTICATED', '请先登录后再操作')
  if (answer === 'down') throw new ApiError('INTERNAL', '服务暂时不可用，请稍后再试')
  return ['案卷一']
})

/** A page as pages are written: useAction for the load, StatusView around what it shows. */
function Probe () {
  const { data, loading, error, reload } = useAction(load)
  return (
    <StatusView loading={loading} error={error} onRetry={reload}>
      <View id='content'>{data?.join('')}</View>
    </StatusView>
  )
}

beforeEach(() => {
  load.mockClear()
  useSession.setState({ me: null, status: 'idle', error: null, returnTo: null })
  jest.spyOn(Taro, 'switchTab').mockImplementation((async () => ({ errMsg: 'switchTab:ok' })) as unknown as typeof Taro.switchTab)
})
afterEach(() => {
  jest.restoreAllMocks()
  testUtils.unmout()
  document.body.innerHTML = ''
})

describe('StatusView and useAction', () => {
  it('a load answering UNAUTHENTICATED shows 请先登录 with 去登录 and 返回, not the error and 重试', async () => {
    answer = 'signed-out'
    await testUtils.mount(Probe, { props: {} })
    await testUtils.queries.waitForQuerySelector('#sign-in-prompt')
    expect(document.querySelector('#sign-in-prompt .status-title')?.textContent).toBe('请先登录')
    expect(document.querySelector('#sign-in-go')?.textContent).toBe('去登录')
    expect(document.querySelector('#sign-in-back')?.textContent).toBe('返回')
    expect(document.body.textContent).not.toContain('重试')
    expect(document.body.textContent).not.toContain('请先登录后再操作')
  })

  it('去登录 opens 我的, and the page loads again by itself once someone has signed in', async () => {
    answer = 'signed-out'
    await testUtils.mount(Probe, { props: {} })
    await testUtils.queries.waitForQuerySelector('#sign-in-go')
    await testUtils.act(() => { testUtils.fireEvent.click(document.querySelector('#sign-in-go')!) })
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: pageUrl(PAGES.me) })
    answer = 'ok'
    await testUtils.act(() => { useSession.setState({ me: { id: 'u-zhang', nickname: '张阿姨', roles: ['citizen'], gridIds: [] }, status: 'ready' }) })
    await testUtils.queries.waitForQuerySelector('#content')
    expect(document.querySelector('#content')?.textContent).toBe('案卷一')
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('any other failure says what went wrong and offers 重试', async () => {
    answer = 'down'
    await testUtils.mount(Probe, { props: {} })
    await testUtils.queries.waitForQuerySelector('.status-error')
    expect(document.querySelector('.status-error .error-text')?.textContent).toBe('服务暂时不可用，请稍后再试')
    expect(document.querySelector('#sign-in-prompt')).toBeNull()
    answer = 'ok'
    await testUtils.act(() => { testUtils.fireEvent.click(Array.from(document.querySelectorAll('.status-error .btn-plain')).find((b) => b.textContent === '重试')!) })
    await testUtils.queries.waitForQuerySelector('#content')
    expect(load).toHaveBeenCalledTimes(2)
  })
})
