import { useCallback, useEffect, useRef, useState } from 'react'
import { SIGN_IN_MESSAGE, errorText } from '../api'
import { useSession } from '../store/session'

export interface ActionState<T> {
  data: T | null
  loading: boolean
  /** The message to show; `SIGN_IN_MESSAGE` when nobody is signed in (StatusView then shows the sign-in prompt). */
  error: string | null
  reload: () => Promise<void>
}

/** Load something on mount (and on `deps` change) with loading and error state for the page to show. */
export function useAction<T> (load: () => Promise<T>, deps: readonly unknown[] = []): ActionState<T> {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(load)
  latest.current = load
  const reload = useCallback(async () => {
    setLoading(true)
    setError(null)
    try {
      setData(await latest.current())
    } catch (e) {
      setError(errorText(e))
    } finally {
      setLoading(false)
    }
  }, [])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void reload() }, deps)
  useReloadOnSignIn(error === SIGN_IN_MESSAGE, reload)
  return { data, loading, error, reload }
}

/** A page that met the sign-in prompt loads again once someone has signed in (it stays mounted meanwhile). */
export function useReloadOnSignIn (waiting: boolean, reload: () => unknown): void {
  const userId = useSession((s) => s.me?.id ?? null)
  const waited = useRef(waiting)
  waited.current = waiting
  useEffect(() => {
    if (userId && waited.current) void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [userId])
}
