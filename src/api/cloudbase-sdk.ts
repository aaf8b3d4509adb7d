import { createCloudbaseClient, type CloudbaseClient, type CloudbaseSdk } from './cloudbase'

/**
 * The cloudbase H5 build's one CloudBase client (src/api/cloudbase.ts), or null in every other build. The SDK comes
 * in its own chunk, fetched on the first call: only its core and the three parts used — sign-in, functions, storage
 * (not the database, models or AI it also ships). `process.env.TARO_APP_BACKEND` is a constant of the build
 * (config/index.ts), so in the gateway build the branch below is dead and webpack emits no SDK chunk at all; the
 * mini-program never imports this file (its transport is call.weapp.ts).
 */
export const cloudbase: CloudbaseClient | null = process.env.TARO_APP_BACKEND === 'cloudbase'
  ? createCloudbaseClient({
    env: process.env.TARO_APP_CLOUDBASE_ENV ?? '',
    region: process.env.TARO_APP_CLOUDBASE_REGION ?? '',
    load: async () => {
      const [app, auth, functions, storage] = await Promise.all([
        import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/app'),
        import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/auth'),
        import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/functions'),
        import(/* webpackChunkName: "cloudbase" */ '@cloudbase/js-sdk/storage')
      ])
      const sdk = ((app as { default?: unknown }).default ?? app) as CloudbaseSdk & Record<string, unknown>
      // Each part registers itself with the core as it loads (through the global the core sets); registering it
      // again only makes the SDK warn "Duplicate component". Register what is not there yet.
      if (typeof sdk.auth !== 'function') (auth as unknown as { registerAuth (s: CloudbaseSdk): void }).registerAuth(sdk)
      if (typeof sdk.callFunction !== 'function') (functions as unknown as { registerFunctions (s: CloudbaseSdk): void }).registerFunctions(sdk)
      if (typeof sdk.uploadFile !== 'function') (storage as unknown as { registerStorage (s: CloudbaseSdk): void }).registerStorage(sdk)
      return sdk
    }
  })
  : null
