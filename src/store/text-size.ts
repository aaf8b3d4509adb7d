import { create } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { taroStorage } from './storage'

/** The text sizes 我的 offers: 标准, 大 (1.25×), 特大 (1.5×). */
export const TEXT_SCALES = [1, 1.25, 1.5] as const
export type TextScale = (typeof TEXT_SCALES)[number]
export type TextChoice = 'system' | TextScale

export const TEXT_SCALE_LABELS: Record<TextScale, string> = { 1: '标准', 1.25: '大', 1.5: '特大' }

/** The step nearest to what the phone's own font setting asks for (a system scale of 1.3 reads as 大). */
export function nearestScale (system: number): TextScale {
  if (!Number.isFinite(system) || system <= 0) return 1
  return TEXT_SCALES.reduce((best, s) => (Math.abs(s - system) < Math.abs(best - system) ? s : best), 1 as TextScale)
}

interface TextSizeState {
  choice: TextChoice
  /** What the platform says about the phone's font size, as a factor of the standard size (1 when it says nothing). */
  system: number
  choose (choice: TextChoice): void
  setSystem (factor: number): void
}

/** Large text for older residents, remembered on the device (not per person: it is about the eyes, not the account). */
export const useTextSize = create<TextSizeState>()(persist((set) => ({
  choice: 'system',
  system: 1,
  choose: (choice) => set({ choice }),
  setSystem: (system) => set({ system })
}), {
  name: 'wm.textSize',
  storage: createJSONStorage(() => taroStorage),
  partialize: ({ choice }) => ({ choice })
}))

export function effectiveScale (s: { choice: TextChoice; system: number }): TextScale {
  return s.choice === 'system' ? nearestScale(s.system) : s.choice
}

export const useTextScale = (): TextScale => useTextSize(effectiveScale)
