/** Paging input shared by every list method. Adapters clamp `limit` to their own maximum (100). */
export interface PageQuery {
  cursor?: string | null
  limit?: number
}
