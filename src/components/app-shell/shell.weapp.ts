import Taro from '@tarojs/taro'
import { useTextSize } from '../../store/text-size'

/** WeChat draws the navigation bar, the tab bar and the buttons itself; only the phone's font setting is read here. */
export function installShell (): void {
  const api = Taro as unknown as { getAppBaseInfo?: () => { fontSizeSetting?: number } }
  let px: number | undefined
  try {
    px = api.getAppBaseInfo?.().fontSizeSetting ?? Taro.getSystemInfoSync().fontSizeSetting
  } catch {
    px = undefined
  }
  // WeChat's standard text is 16 px; 大/特大 in its settings report about 20 and 24.
  if (typeof px === 'number' && px > 0) useTextSize.getState().setSystem(px / 16)
}

export function applyTextScale (_scale: number): void {}

/** A weapp page has no shared root element: each page sets the scale on its own root (PageShell). */
export const pageStyleFor = (scale: number): string | undefined => `--wm-scale:${scale}`
