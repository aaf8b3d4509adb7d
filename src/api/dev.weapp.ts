import type { Role } from '../../core/types'

/** WeChat signs the user in by itself: there is no dev login on the phone. */
export interface DemoUser {
  id: string
  nickname: string
  roles: Role[]
}

export const devLoginAvailable = false
export async function listDemoUsers (): Promise<DemoUser[]> { return [] }
export async function devLoginOn (): Promise<boolean> { return false }
export async function devLogin (_userId: string): Promise<void> {}
export function devLogout (): void {}
