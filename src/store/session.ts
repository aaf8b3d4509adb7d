import { create } from 'zustand'
import type { MeView } from '../../core/views'
import { ApiError, call, onSignedOut } from '../api'
import { getDevToken, platform, setDevToken } from '../api/call'
import { devLogin, devLogout } from '../api/dev'
import { clearUserState } from './user-state'

interface SessionState {
  me: MeView['user'] | null
  status: 'idle' | 'loading' | 'ready' | 'signedOut' | 'error'
  error: string | null
  /** Where the sign-in prompt was met, to go back to once signed in (H5's dev login lives on 我的). */
  returnTo: string | null
  load (): Promise<void>
  loginAs (userId: string): Promise<void>
  /** The desk's scan sign-in handed over its session token (packages/account/signin): keep it and load who it is. */
  signInWithToken (token: string): Promise<void>
  logout (): void
  setReturnTo (url: string | null): void
}

/** Who is signed in. View state only: roles are checked again by the server on every call. */
export const useSession = create<SessionState>()((set, get) => ({
  me: null,
  status: 'idle',
  error: null,
  returnTo: null,
  async load () {
    set({ status: 'loading', error: null })
    try {
      const { user } = await call('users', 'me', {})
      // Someone else signs in on a shared phone: the previous person's draft and view state go.
      const before = get().me
      if (before && before.id !== user.id) clearUserState()
      set({ me: user, status: 'ready' })
    } catch (e) {
      if (e instanceof ApiError && e.code === 'UNAUTHENTICATED') set({ me: null, status: 'signedOut' })
      else set({ status: 'error', error: e instanceof Error ? e.message : String(e) })
    }
  },
  async loginAs (userId) {
    set({ status: 'loading', error: null })
    try {
      await devLogin(userId)
    } catch (e) {
      set({ status: 'error', error: e instanceof Error ? e.message : String(e) })
      return
    }
    await get().load()
  },
  async signInWithToken (token) {
    setDevToken(token)
    await get().load()
  },
  logout () {
    // A browser's session (a desk's scan sign-in) ends on the server too; the call reads the token before it goes.
    if (platform === 'h5' && getDevToken()) void call('auth', 'signOut', {}).catch(() => undefined)
    devLogout()
    clearUserState()
    set({ me: null, status: 'signedOut', returnTo: null })
  },
  setReturnTo (url) {
    set({ returnTo: url })
  }
}))

// Any call that answers UNAUTHENTICATED means nobody is signed in (an expired or unknown token included).
onSignedOut(() => {
  if (useSession.getState().status !== 'signedOut' || useSession.getState().me) useSession.setState({ me: null, status: 'signedOut' })
})
