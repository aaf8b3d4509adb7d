import Taro from '@tarojs/taro'
import { effectiveScale, nearestScale, useTextSize } from './text-size'

beforeEach(() => {
  Taro.removeStorageSync('wm.textSize')
  useTextSize.setState({ choice: 'system', system: 1 })
})

describe('text size', () => {
  it('reads the phone\'s font setting as the nearest step, and a missing or broken one as 标准', () => {
    expect([0.9, 1.06, 1.2, 1.3, 1.4, 1.6, 2].map(nearestScale)).toEqual([1, 1, 1.25, 1.25, 1.5, 1.5, 1.5])
    expect([0, -1, Number.NaN].map(nearestScale)).toEqual([1, 1, 1])
  })

  it('follows the system until a size is chosen, then keeps the choice whatever the system says', () => {
    expect(effectiveScale({ choice: 'system', system: 1.25 })).toBe(1.25)
    expect(effectiveScale({ choice: 1.5, system: 1 })).toBe(1.5)
    expect(effectiveScale({ choice: 1, system: 1.5 })).toBe(1)
  })

  it('remembers the choice on the device, not what the system said', () => {
    useTextSize.getState().setSystem(1.25)
    useTextSize.getState().choose(1.5)
    const stored = JSON.parse(Taro.getStorageSync('wm.textSize')) as { state: Record<string, unknown> }
    expect(stored.state).toEqual({ choice: 1.5 })
  })
})
