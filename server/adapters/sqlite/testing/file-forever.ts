// Test scaffolding: files reports into a SQLite file until killed, printing each acknowledged ticket id.
import { aReportEvent, aTicket } from '../../../../core/testing/builders'
import { createSqliteStore } from '../index'

const store = createSqliteStore({ file: process.argv[2] })

async function run (): Promise<void> {
  for (let i = 0; ; i++) {
    const ticket = aTicket({ id: `t-kill-${i}`, clientRequestId: `req-kill-${i}`, reporterId: 'u-kill' })
    const event = aReportEvent(ticket, { id: `te-kill-${i}` })
    const messages = [{ id: `${event.id}-m1`, userId: 'u-office', ticketId: ticket.id, title: '新的待分拣案卷', body: 'x', read: false, at: ticket.createdAt }]
    const r = await store.fileReport({ ticket, event, rate: { keys: ['rl:kill:h', 'rl:kill:d'], admit: () => true }, photoReviews: [], messages })
    if (r.outcome === 'filed') process.stdout.write(`${ticket.id}\n`)
  }
}
void run()
