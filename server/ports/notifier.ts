/** A message to people: always into their in-app list; on WeChat also as a subscribe message where they opted in. */
export interface OutgoingNotice {
  title: string
  body: string
  ticketId: string | null
}

export interface Notifier {
  send (userIds: readonly string[], notice: OutgoingNotice): Promise<void>
}
