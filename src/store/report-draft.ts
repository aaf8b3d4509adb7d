import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { MAX_REPORT_PHOTOS } from '../../core/schemas'
import type { GcjPoint } from '../../core/types'
import { taroStorage } from './storage'

export interface DraftPhoto {
  key: string
  /** The local file the resident picked (gone after an app kill in H5; kept for a retry while the page lives). */
  localPath: string
  fileId: string | null
  status: 'uploading' | 'done' | 'failed'
  progress: number
  error: string | null
}

export interface ReportDraft {
  /** One id per report attempt: retries and double taps after a bad network reuse it, so the server files once. */
  clientRequestId: string
  categoryId: string | null
  description: string
  point: GcjPoint | null
  anonymous: boolean
  photos: DraftPhoto[]
}

interface DraftState extends ReportDraft {
  set (patch: Partial<ReportDraft>): void
  addPhoto (photo: DraftPhoto): boolean
  updatePhoto (key: string, patch: Partial<DraftPhoto>): void
  removePhoto (key: string): void
  /** After a successful submit: a fresh draft with a new request id. */
  reset (): void
}

export const newRequestId = (): string => `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`

const empty = (): ReportDraft => ({ clientRequestId: newRequestId(), categoryId: null, description: '', point: null, anonymous: false, photos: [] })

export const useReportDraft = create<DraftState>()(persist((set, get) => ({
  ...empty(),
  set: (patch) => set(patch),
  addPhoto: (photo) => {
    if (get().photos.length >= MAX_REPORT_PHOTOS) return false
    set({ photos: [...get().photos, photo] })
    return true
  },
  updatePhoto: (key, patch) => set({ photos: get().photos.map((p) => (p.key === key ? { ...p, ...patch } : p)) }),
  removePhoto: (key) => set({ photos: get().photos.filter((p) => p.key !== key) }),
  reset: () => set(empty())
}), {
  name: 'wm.reportDraft',
  storage: createJSONStorage(() => taroStorage),
  // An upload cut off by an app kill cannot resume: keep it as failed so the resident can retry or remove it.
  partialize: ({ set: _s, addPhoto: _a, updatePhoto: _u, removePhoto: _r, reset: _x, ...draft }) => ({
    ...draft,
    photos: draft.photos.map((p) => (p.status === 'uploading' ? { ...p, status: 'failed' as const, progress: 0, error: '上传被中断，请重试' } : p))
  })
}))
