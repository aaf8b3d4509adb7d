import { create } from 'zustand'
import { platform } from '../api/call'
import { devLoginOn } from '../api/dev'

/**
 * Whether the browser signs in by the gateway's dev login (demo accounts, this machine only) or by scanning
 * (packages/account/signin): asked of the gateway once per page load. On WeChat neither: WeChat signs the person in.
 */
interface DevLoginState {
  state: 'unknown' | 'on' | 'off'
  /** Ask the gateway, once; later calls answer from what it said. */
  check (): void
}

let asking = false

export const useDevLogin = create<DevLoginState>()((set, get) => ({
  state: platform === 'h5' ? 'unknown' : 'off',
  check () {
    if (get().state !== 'unknown' || asking) return
    asking = true
    void devLoginOn().then((on) => set({ state: on ? 'on' : 'off' }), () => undefined).finally(() => { asking = false })
  }
}))

/** On H5 with the dev login off, signing in means the scan sign-in page. */
export const scanSignInNeeded = (state: DevLoginState['state']): boolean => platform === 'h5' && state === 'off'
