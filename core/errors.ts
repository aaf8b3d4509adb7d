/** Stable error codes every action may answer with, and the Chinese message a person can act on. */
export const ERROR_CODES = {
  VALIDATION: '填写的内容有误，请按提示修改后再试',
  UNAUTHENTICATED: '请先登录后再操作',
  FORBIDDEN: '你没有权限进行这个操作',
  NOT_FOUND: '要找的内容不存在或已被删除',
  CONFLICT: '内容刚被别人改过，请刷新后再试',
  CAPACITY_FULL: '名额已满',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  UNKNOWN_ACTION: '不支持的操作，请升级小程序后再试',
  LIMIT_EXCEEDED: '要查询的数据太多，为避免给出不完整的结果已停止，请缩小范围（时间段或区域）后再试',
  INTERNAL: '服务暂时不可用，请稍后再试'
} as const

export type ErrorCode = keyof typeof ERROR_CODES

export interface ErrorBody {
  code: ErrorCode
  message: string
  details?: unknown
}

/** The one answer shape of every action. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ErrorBody }
