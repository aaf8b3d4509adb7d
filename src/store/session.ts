import { create } from 'zustand'
import type { MeView } from '../../core/views'
import { ApiError, call } from '../api'
import { devLogin, devLogout } from '../api/dev'

interface SessionState {
  me: MeView['user'] | null
  status: 'idle' | 'loading' | 'ready' | 'signedOut' | 'error'
  error: string | null
  load (): Promise<void>
  loginAs (userId: string): Promise<void>
  logout (): void
}

/** Who is signed in. View state only: roles are checked again by the server on every call. */
export const useSession = create<SessionState>()((set, get) => ({
  me: null,
  status: 'idle',
  error: null,
  async load () {
    set({ status: 'loading', error: null })
    try {
      const { user } = await call('users', 'me', {})
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
  logout () {
    devLogout()
    set({ me: null, status: 'signedOut' })
  }
}))
