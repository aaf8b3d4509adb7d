import { useCallback, useEffect, useRef, useState } from 'react'
import { SIGN_IN_MESSAGE, errorText } from '../../../api'
import { useReloadOnSignIn } from '../../../utils/use-action'

export interface LatestState<T> {
  data: T | null
  loading: boolean
  error: string | null
  reload: () => Promise<void>
}

/**
 * useAction for a screen whose question changes faster than the answers come (area, period and indicator are
 * tapped in quick succession): only the answer to the latest question is kept, and the previous answer stays on
 * screen while the next loads, so the page does not flash empty on every tap.
 */
export function useLatest<T> (load: () => Promise<T>, deps: readonly unknown[]): LatestState<T> {
  const [data, setData] = useState<T | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const latest = useRef(load)
  latest.current = load
  const asked = useRef(0)
  const reload = useCallback(async () => {
    const mine = ++asked.current
    setLoading(true)
    setError(null)
    try {
      const answer = await latest.current()
      if (mine === asked.current) setData(answer)
    } catch (e) {
      if (mine === asked.current) setError(errorText(e))
    } finally {
      if (mine === asked.current) setLoading(false)
    }
  }, [])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void reload() }, deps)
  useReloadOnSignIn(error === SIGN_IN_MESSAGE, reload)
  return { data, loading, error, reload }
}
