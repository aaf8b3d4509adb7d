import { isStoreError } from '../../ports/errors'
import type { Store } from '../../ports/store'

/** Adapters fail on purpose in one way only: StoreError with a code the router maps to the caller's answer. */
export function errorContract (store: () => Store): void {
  describe('store errors', () => {
    const lists: Array<[string, (cursor: string) => Promise<unknown>]> = [
      ['listUsers', (cursor) => store().listUsers({ cursor })],
      ['listGrids', (cursor) => store().listGrids({ cursor })],
      ['listCategories', (cursor) => store().listCategories({ cursor })],
      ['listTickets', (cursor) => store().listTickets({ cursor })],
      ['listTicketEvents', (cursor) => store().listTicketEvents('ticket-1', { cursor })],
      ['listFollowers', (cursor) => store().listFollowers('ticket-1', { cursor })],
      ['listFollowed', (cursor) => store().listFollowed('user-1', { cursor })],
      ['listEvents', (cursor) => store().listEvents({ cursor })],
      ['listSignups', (cursor) => store().listSignups({ cursor })],
      ['listSurveys', (cursor) => store().listSurveys({ cursor })],
      ['listResponses', (cursor) => store().listResponses({ cursor })],
      ['listMessages', (cursor) => store().listMessages({ userId: 'user-1', cursor })]
    ]

    it.each(lists)('%s refuses a cursor it did not make with StoreError INVALID_CURSOR', async (_name, list) => {
      for (const cursor of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url')]) {
        const err: unknown = await list(cursor).then(() => null, (e: unknown) => e)
        expect(isStoreError(err)).toBe(true)
        expect(err).toMatchObject({ code: 'INVALID_CURSOR' })
      }
    })
  })
}
