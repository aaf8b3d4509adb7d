import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import devConfig from './dev'
import { CloudbaseHtmlPlugin } from './h5-cloudbase-html'
import { BUCKET_RE, ENV_ID_RE, REGION_RE, type CloudbaseTarget } from './h5-security'
import prodConfig from './prod'

// https://docs.taro.zone/docs/config
// core/ sits beside src/ and is shared with the server: Taro must compile it too.
const shared = { include: [path.resolve(__dirname, '..', 'core')] }
// Large text: every font-size scales with --wm-scale (我的 → 文字大小), on both platforms.
const textScale = { [path.resolve(__dirname, 'postcss-text-scale.js')]: { enable: true } }

/**
 * Which backend the H5 build calls, chosen at build time: `gateway` (the default: the local gateway on the same
 * origin) or `cloudbase` (a CloudBase environment through @cloudbase/js-sdk, for static hosting; src/api/cloudbase.ts).
 * A cloudbase build needs TARO_APP_CLOUDBASE_ENV (and TARO_APP_CLOUDBASE_REGION outside ap-shanghai); it fails here,
 * before compiling, when they are missing or malformed rather than building a site that cannot reach anything.
 */
function backendOf (env: NodeJS.ProcessEnv): { backend: 'gateway' } | { backend: 'cloudbase'; target: CloudbaseTarget } {
  const backend = env.TARO_APP_BACKEND || 'gateway'
  // The mini-program always calls CloudBase through wx.cloud (src/api/*.weapp.ts): the choice is the H5 build's.
  if (backend === 'gateway' || env.TARO_ENV !== 'h5') return { backend: 'gateway' }
  if (backend !== 'cloudbase') throw new Error(`TARO_APP_BACKEND 只能是 gateway（本地网关，默认）或 cloudbase（云开发），现在是「${backend}」`)
  const envId = env.TARO_APP_CLOUDBASE_ENV ?? ''
  const region = env.TARO_APP_CLOUDBASE_REGION ?? ''
  const bucket = env.TARO_APP_CLOUDBASE_BUCKET ?? ''
  if (!ENV_ID_RE.test(envId)) throw new Error(`TARO_APP_BACKEND=cloudbase 需要 TARO_APP_CLOUDBASE_ENV=<云开发环境 ID>（小写字母、数字和 -），现在是「${envId}」`)
  if (region && !REGION_RE.test(region)) throw new Error(`TARO_APP_CLOUDBASE_REGION「${region}」不对，应如 ap-shanghai、ap-guangzhou（上海可不填）`)
  if (bucket && !BUCKET_RE.test(bucket)) throw new Error(`TARO_APP_CLOUDBASE_BUCKET「${bucket}」不像云存储的存储桶名（如 7765-<环境 ID>-1250000000）`)
  return { backend, target: { envId, region: region || null, bucket: bucket || null } }
}

/** The SDK's version, for the build's record (its package.json is not among its exports: read from the folder). */
const sdkVersion = (): string => {
  const file = path.join(path.dirname(require.resolve('@cloudbase/js-sdk')).replace(/[\\/]dist$/, ''), 'package.json')
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
}

export default defineConfig<'webpack5'>(async (merge) => {
  const chosen = backendOf(process.env)
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wenming-gongjian',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // TARO_OUTPUT_ROOT: build elsewhere than dist/<platform> (parallel builds, side-by-side checks).
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [path.resolve(__dirname, 'weapp-aria', 'index.ts')],
    defineConstants: {},
    // process.env.TARO_APP_* in src/api: a constant per build, so the other backend's code (and the SDK) drops out.
    env: {
      TARO_APP_BACKEND: JSON.stringify(chosen.backend),
      TARO_APP_CLOUDBASE_ENV: JSON.stringify(chosen.backend === 'cloudbase' ? chosen.target.envId : ''),
      TARO_APP_CLOUDBASE_REGION: JSON.stringify(chosen.backend === 'cloudbase' ? chosen.target.region ?? '' : '')
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: shared,
      postcss: {
        pxtransform: { enable: true, config: {} },
        ...textScale,
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain (chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      compile: shared,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css'
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        ...textScale,
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } }
      },
      webpackChain (chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Static hosting sends no headers of ours: the policy goes into index.html (config/h5-security.ts).
        if (chosen.backend === 'cloudbase') chain.plugin('cloudbase-html').use(CloudbaseHtmlPlugin, [chosen.target, sdkVersion()])
      }
    }
  }

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig)
  }
  return merge({}, baseConfig, prodConfig)
})
