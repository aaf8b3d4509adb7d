const listeners = new Set<() => void>()

/** Called whenever the server answers UNAUTHENTICATED (the session store listens, so every page learns it at once). */
export function onSignedOut (listener: () => void): () => void {
  listeners.add(listener)
  return () => { listeners.delete(listener) }
}

export function notifySignedOut (): void {
  listeners.forEach((l) => l())
}
