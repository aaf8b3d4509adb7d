import { useCallback, useEffect, useRef, useState } from 'react'

export interface ActionState<T> {
  data: T | null
  loading: boolean
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
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setLoading(false)
    }
  }, [])
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => { void reload() }, deps)
  return { data, loading, error, reload }
}
