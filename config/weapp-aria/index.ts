import path from 'node:path'
import type { IPluginContext, TaroPlatformBase } from '@tarojs/service'
import components from './components.json'

/**
 * Screen-reader labels on weapp. WeChat reads aria-role / aria-label / aria-* on its components (读屏), but Taro's
 * weapp templates bind only the attributes each component's table declares, so every ariaLabel / ariaRole / aria-*
 * prop was dropped from base.wxml. This adds the ones the app uses (components.json) to those tables, on both sides:
 * the build's templates (template.mergeComponents) and the runtime that fills them (runtime.js, run after the
 * platform's runtime), as @tarojs/plugin-inject does. Both sides must get the same table: the data keys are indices
 * into each component's sorted attribute list. H5 renders aria-* itself and is left alone.
 */
export const ARIA_COMPONENTS: Record<string, Record<string, string>> = components

const RUNTIME = path.join(__dirname, 'runtime.js').split(path.sep).join('/')

export default (ctx: IPluginContext) => {
  ctx.registerMethod({
    name: 'onSetupClose',
    fn (platform: TaroPlatformBase) {
      if (platform.platform !== 'weapp') return
      platform.template.mergeComponents(ctx, ARIA_COMPONENTS)
      const paths = Array.isArray(platform.runtimePath) ? platform.runtimePath : [platform.runtimePath]
      if (!paths.includes(RUNTIME)) platform.runtimePath = [...paths, RUNTIME]
    }
  })
}
