import tcb from '@cloudbase/node-sdk'
import type { Result } from '../../core/errors'
import { createCloudbaseStorage } from '../adapters/cloudbase/storage'
import { resolveCaller } from '../caller'
import type { Deps } from '../deps'
import { AppError } from '../errors'
import { photoIntakeInput, takeInPhoto, type TakenPhoto } from '../photos/intake'
import type { PhotoStorage } from '../ports/photo-storage'
import { personFromCloud } from './custom-login'
import { cloudDeps, type CloudWiring } from './entry'

type CloudContext = Parameters<typeof tcb.getCloudbaseContext>[0]

/**
 * The `photos` cloud function: the phone calls it with `{ fileId }` right after wx.cloud.uploadFile, before the
 * photo goes into a report or a step (server/photos/intake.ts). Not an action router: one job, for a signed-in
 * person only (WeChat's OPENID, or a live desk session's custom login), answered in the same `{ ok, data | error }` shape as every function.
 * sharp is this function's own dependency (its package.json; installed in the cloud), not bundled.
 */
export function photosMain (wiring: CloudWiring = {}) {
  let built: { deps: Deps; storage: PhotoStorage } | null = null
  return async (event: unknown, context: CloudContext): Promise<Result<TakenPhoto>> => {
    try {
      if (!built) {
        const { deps, platform } = cloudDeps(wiring)
        built = { deps, storage: createCloudbaseStorage(platform.app) }
      }
      // WeChat's OPENID, or the desk's custom login while a desk session of theirs is live: one person, as cloudMain.
      const who = await personFromCloud(tcb.getCloudbaseContext(context), built.deps)
      if (!who || who.kind !== 'user') throw new AppError('UNAUTHENTICATED')
      const parsed = photoIntakeInput.safeParse(event)
      if (!parsed.success) throw new AppError('VALIDATION', parsed.error.issues[0]?.message)
      const me = await resolveCaller(who.openid, built.deps)
      return { ok: true, data: await takeInPhoto(built.deps, built.storage, me, parsed.data.fileId) }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toBody() }
      console.error('[photos] unexpected error', e)
      return { ok: false, error: new AppError('INTERNAL').toBody() }
    }
  }
}
