import type { Store } from '../../ports/store'

const oneToN = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1)
const ascending = (xs: number[]): number[] => [...xs].sort((a, b) => a - b)

export function counterContract (store: () => Store): void {
  describe('counters', () => {
    it('adds and returns the new value, per key', async () => {
      expect(await store().incrementCounter('rate:u-1', 1)).toBe(1)
      expect(await store().incrementCounter('rate:u-1', 5)).toBe(6)
      expect(await store().incrementCounter('rate:u-2', 2)).toBe(2)
    })

    it('reads the current value with by 0, and 0 for a key never counted', async () => {
      await store().incrementCounter('rate:u-1', 4)
      expect(await store().incrementCounter('rate:u-1', 0)).toBe(4)
      expect(await store().incrementCounter('rate:u-never', 0)).toBe(0)
      expect(await store().incrementCounter('rate:u-never', 1)).toBe(1)
    })

    it('gives 50 concurrent first increments of a new key each a distinct value 1..50, and ends at 50', async () => {
      const values = await Promise.all(oneToN(50).map(() => store().incrementCounter('hits', 1)))
      expect(ascending(values)).toEqual(oneToN(50))
      expect(await store().incrementCounter('hits', 0)).toBe(50)
    })

    it('gives 50 concurrent increments of an existing key each a distinct value, with no step lost', async () => {
      await store().incrementCounter('hits', 10)
      const values = await Promise.all(oneToN(50).map(() => store().incrementCounter('hits', 2)))
      expect(ascending(values)).toEqual(oneToN(50).map((i) => 10 + 2 * i))
      expect(await store().incrementCounter('hits', 0)).toBe(110)
    })
  })
}
