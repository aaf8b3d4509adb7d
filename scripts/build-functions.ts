import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { FUNCTION_NAMES } from '../core/api'

/** Functions CloudBase triggers over HTTP rather than through callFunction: not action routers, no FUNCTION_NAMES entry. */
export const HTTP_FUNCTIONS = ['open311'] as const
/** Functions the phone calls for one job, not action routers: `photos` takes in an upload (server/cloud/photos.ts). */
export const TASK_FUNCTIONS = ['photos'] as const
/** Every folder of cloudfunctions/: the action routers, the HTTP-triggered and the task functions. */
export const CLOUD_FUNCTIONS: readonly string[] = [...FUNCTION_NAMES, ...HTTP_FUNCTIONS, ...TASK_FUNCTIONS]

/** A function's own dependencies (its package.json), which CloudBase installs beside index.js. */
export function functionDependencies (name: string, root = resolve(__dirname, '..', 'cloudfunctions')): string[] {
  const pkg = JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
  return Object.keys(pkg.dependencies ?? {})
}

/**
 * Bundle each cloud function's thin index.ts with the shared server code into one self-contained index.js,
 * so every function ships the same commit's rules and nothing is copied by hand. The function's own dependencies
 * (its package.json: the SDK; sharp for photos, a native module) stay external: CloudBase installs them.
 */
export async function buildFunctions (opts: { outRoot?: string; names?: readonly string[] } = {}): Promise<Array<{ name: string; file: string; bytes: number }>> {
  const root = resolve(__dirname, '..', 'cloudfunctions')
  const outRoot = opts.outRoot ?? root
  const out: Array<{ name: string; file: string; bytes: number }> = []
  for (const name of opts.names ?? CLOUD_FUNCTIONS) {
    const file = join(outRoot, name, 'index.js')
    const result = await build({
      entryPoints: [join(root, name, 'index.ts')],
      outfile: file,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: functionDependencies(name, root),
      minify: true,
      legalComments: 'none',
      metafile: true,
      logLevel: 'silent'
    })
    out.push({ name, file, bytes: result.metafile.outputs[Object.keys(result.metafile.outputs)[0]].bytes })
  }
  return out
}

if (require.main === module) {
  buildFunctions().then((built) => {
    for (const b of built) console.log(`${b.name.padEnd(10)} ${(b.bytes / 1024).toFixed(1).padStart(7)} KB  ${b.file}`)
  }, (e) => {
    console.error('云函数打包失败：', e.message)
    process.exit(1)
  })
}
