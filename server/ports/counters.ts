export interface CounterStore {
  /** Add atomically and return the value this call produced (two concurrent callers never see the same one). */
  incrementCounter (key: string, by: number): Promise<number>
}
