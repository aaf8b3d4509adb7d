import { emptyInput, gcjPoint, pageInput, reportInput } from '../../core/schemas'
import { routeReport } from '../../core/tickets/route'
import type { Ticket } from '../../core/types'
import { DATUM } from '../../core/types'
import { AppError } from '../errors'
import { action, type ActionsOf } from '../router'
import { requireUser } from './identity'
import { toTicketView, toTicketViews } from './ticket-view'

const anyResident = { roles: ['citizen', 'volunteer', 'organizer', 'grid_manager', 'admin'] } as const

export const reportsActions: ActionsOf<'reports'> = {
  categories: action({
    input: emptyInput,
    access: 'public',
    async run ({ deps }) {
      const dir = await deps.directory.get()
      return dir.categories.filter((c) => c.active)
    }
  }),

  gridMap: action({
    input: emptyInput,
    access: 'public',
    async run ({ deps }) {
      const dir = await deps.directory.get()
      return { grids: dir.grids.map(({ id, code, name, polygon }) => ({ id, code, name, polygon })) }
    }
  }),

  locate: action({
    input: gcjPoint,
    access: 'signedIn',
    async run ({ deps }, point) {
      const dir = await deps.directory.get()
      const hit = dir.index.locate(point)
      if (hit.kind === 'none') return { grid: null, managerNames: [], handledBy: 'triage' as const }
      const managers = await Promise.all(hit.grid.managerIds.map((id) => deps.store.getUser(id)))
      const managerNames = managers.flatMap((m) => (m ? [m.nickname] : []))
      const { id, code, name } = hit.grid
      return { grid: { id, code, name }, managerNames, handledBy: managerNames.length ? 'grid' as const : 'triage' as const }
    }
  }),

  submit: action({
    input: reportInput,
    access: anyResident,
    async run ({ deps, user }, input) {
      const me = requireUser(user)
      const dir = await deps.directory.get()
      const category = dir.categoriesById.get(input.categoryId)
      if (!category || !category.active || category.level !== 2) throw new AppError('VALIDATION', '请选择一个具体的问题类别')
      if (input.anonymous && !category.allowAnonymous) throw new AppError('VALIDATION', `「${category.name}」类问题不能匿名上报`)
      const now = deps.clock.now()
      const hit = dir.index.locate(input.location)
      const route = routeReport(hit.kind === 'grid' ? hit.grid : null, category, now)
      const id = deps.ids.next('t')
      const ticket: Ticket = {
        id,
        clientRequestId: input.clientRequestId,
        reporterId: me.id,
        anonymous: input.anonymous,
        categoryId: category.id,
        description: input.description,
        location: { lng: input.location.lng, lat: input.location.lat },
        address: input.address,
        gridId: route.gridId,
        assigneeId: route.assigneeId,
        department: route.department,
        state: route.state,
        closeReason: null,
        mergedInto: null,
        photos: input.photos,
        afterPhotos: [],
        deadline: route.deadline,
        overdue: false,
        reworkCount: 0,
        followers: 0,
        rating: null,
        createdAt: now,
        updatedAt: now,
        dispatchedAt: route.state === 'dispatched' ? now : null,
        acceptedAt: null,
        resolvedAt: null,
        closedAt: null,
        version: 1
      }
      const note = route.state === 'dispatched'
        ? `已按位置派遣至${hit.kind === 'grid' ? hit.grid.name : ''}网格员（坐标系 ${DATUM}）`
        : hit.kind === 'grid' ? '所在网格暂无网格员，转文明办分拣' : '位置不在任何网格内，转文明办分拣'
      const result = await deps.store.createTicket(ticket, {
        id: deps.ids.next('te'), ticketId: id, action: 'submit', fromState: null, toState: route.state,
        actorId: me.id, actorRole: 'citizen', note, at: now
      })
      return { ticket: await toTicketView(result.ticket, me, deps), created: result.created }
    }
  }),

  mine: action({
    input: pageInput,
    access: 'signedIn',
    async run ({ deps, user }, q) {
      const me = requireUser(user)
      const page = await deps.store.listTickets({ ...q, reporterId: me.id })
      return { items: await toTicketViews(page.items, me, deps), next: page.next }
    }
  })
}
