/** Time and ids come from ports so core stays pure and tests control both. */
export interface Clock {
  now (): string
}

export interface Ids {
  next (prefix: string): string
}
