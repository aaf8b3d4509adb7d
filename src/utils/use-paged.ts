import { useState } from 'react'
import type { Page } from '../../core/types'
import { SIGN_IN_MESSAGE, errorText } from '../api'
import { useReloadOnSignIn } from './use-action'

type ItemOf<P> = P extends Page<infer T> ? T : never

export interface PagedList<P extends Page<unknown>> {
  items: Array<ItemOf<P>>
  next: string | null
  loading: boolean
  /** The message to show; `SIGN_IN_MESSAGE` when nobody is signed in (StatusView then shows the sign-in prompt). */
  error: string | null
  /** Load from the first page (cursor null) or append the page after `cursor`. */
  load (cursor: string | null): Promise<P | null>
}

/** A long list read page by page (pull to load more), with loading and error state for the page to show. */
export function usePaged<P extends Page<unknown>> (fetchPage: (cursor: string | null) => Promise<P>): PagedList<P> {
  const [items, setItems] = useState<Array<ItemOf<P>>>([])
  const [next, setNext] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  const [error, setError] = useState<string | null>(null)
  const load = async (cursor: string | null): Promise<P | null> => {
    setLoading(true)
    setError(null)
    if (!cursor) setItems([])
    try {
      const page = await fetchPage(cursor)
      const got = page.items as Array<ItemOf<P>>
      setItems((prev) => (cursor ? [...prev, ...got] : got))
      setNext(page.next)
      return page
    } catch (e) {
      setError(errorText(e))
      return null
    } finally {
      setLoading(false)
    }
  }
  useReloadOnSignIn(error === SIGN_IN_MESSAGE, () => load(null))
  return { items, next, loading, error, load }
}
