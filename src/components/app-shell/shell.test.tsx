import TestUtils from '@tarojs/test-utils-react'
import { Button, View } from '@tarojs/components'
import { installShell } from './shell'

const testUtils = new TestUtils()

function Buttons () {
  return (
    <View>
      <Button className='btn-primary' id='enabled' disabled={false}>提交</Button>
      <Button className='btn-primary' id='disabled' disabled>提交</Button>
      <View className='cell' id='tap' onClick={() => undefined}>消息</View>
      <View className='ticket-card' id='card' onClick={() => undefined}><Button id='inner'>受理</Button></View>
      <View className='done-icon' id='icon' ariaRole='img' ariaLabel='提交成功' />
    </View>
  )
}

beforeAll(() => installShell())
afterEach(() => {
  testUtils.unmout()
  document.body.innerHTML = ''
})

const el = (id: string) => document.getElementById(id)!
const flush = () => new Promise((r) => setTimeout(r, 0))

describe('the H5 shell', () => {
  it('renders an enabled button without a disabled attribute, and a disabled one as disabled to screen readers too', async () => {
    await testUtils.mount(Buttons, { props: {} })
    await testUtils.queries.waitForQuerySelector('#enabled')
    await flush()
    expect([el('enabled').hasAttribute('disabled'), el('enabled').getAttribute('aria-disabled')]).toEqual([false, null])
    expect([el('disabled').hasAttribute('disabled'), el('disabled').getAttribute('aria-disabled')]).toEqual([true, 'true'])
  })

  it('makes a tappable View a keyboard-reachable button, and a tappable card holding a button a plain focus stop', async () => {
    await testUtils.mount(Buttons, { props: {} })
    await testUtils.queries.waitForQuerySelector('#card')
    await flush()
    expect([el('tap').getAttribute('role'), el('tap').getAttribute('tabindex')]).toEqual(['button', '0'])
    expect([el('card').getAttribute('role'), el('card').getAttribute('tabindex')]).toEqual([null, '0'])
    expect(el('inner').getAttribute('role')).toBe('button')
  })

  it('turns Taro\'s ariaRole into the role a screen reader reads, beside its aria-label', async () => {
    await testUtils.mount(Buttons, { props: {} })
    await testUtils.queries.waitForQuerySelector('#icon')
    expect([el('icon').getAttribute('role'), el('icon').getAttribute('aria-label')]).toEqual(['img', '提交成功'])
  })

  it('presses a focused tappable on Enter', async () => {
    const clicks: string[] = []
    function One () { return <View id='one' onClick={() => clicks.push('one')}>我的随手拍</View> }
    await testUtils.mount(One, { props: {} })
    await testUtils.queries.waitForQuerySelector('#one')
    el('one').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(clicks).toEqual(['one'])
  })
})
