import { z } from 'zod'

/**
 * Inputs of the office's grid actions (admin.previewGrids … admin.saveGrid; core/schemas.ts re-exports them). The
 * server validates with them; the grids page's forms reuse them.
 */

const id = z.string().min(1, '缺少编号').max(64, '编号太长')

/** The longest grid file the validator reads as text (a city of 20,000 grids of ~60 points is about this size). */
export const GRID_FILE_MAX_CHARS = 20 * 1024 * 1024
/**
 * The most one call may carry, on both targets: CloudBase's callFunction refuses a payload over 6 MB, and the local
 * gateway takes the same for the admin function so H5 and the mini-program behave alike. The page checks a file
 * against it before sending and says what to do when it is over (docs/api.md, admin.importGrids).
 */
export const GRID_CALL_MAX_BYTES = 6 * 1024 * 1024
export const MAX_GRID_MANAGERS = 20
export const MAX_GRID_POPULATION = 1_000_000
export const MAX_GRID_REASON = 200

const reason = (what: string) => z.string({ error: `请写明${what}` }).trim()
  .min(2, `请写明${what}（至少 2 个字），会记入操作记录`).max(MAX_GRID_REASON, `${what}不能超过 ${MAX_GRID_REASON} 个字`)

const propName = z.string().trim().min(1, '属性名不能为空').max(40, '属性名不能超过 40 个字')

export const gridFileInput = z.object({
  /** The FeatureCollection itself, or its text (pasted or read from the file). */
  geojson: z.union([
    z.string().min(1, '请粘贴 GeoJSON 文本或选择文件').max(GRID_FILE_MAX_CHARS, '文件超过 20 MB，请精简后再导入'),
    z.record(z.string(), z.unknown())
  ], { error: '请粘贴 GeoJSON 文本或选择文件' }),
  /** The datum the office chose; the file may state its own (both must agree). */
  datum: z.enum(['gcj02', 'wgs84'], { error: '坐标系只能是 GCJ-02 或 WGS-84' }).optional(),
  /** Property names in the file, for files that call them e.g. 网格编码. */
  props: z.object({
    code: propName.optional(),
    name: propName.optional(),
    district: propName.optional(),
    street: propName.optional(),
    community: propName.optional(),
    population: propName.optional()
  }).optional(),
  /** The file's name, kept with the version (粘贴的文本 when pasted). */
  source: z.string().trim().max(120, '文件名不能超过 120 个字').optional()
})
export type GridFileInput = z.infer<typeof gridFileInput>

export const importGridsInput = gridFileInput.extend({ reason: reason('导入的原因') })
export type ImportGridsInput = z.infer<typeof importGridsInput>

export const restoreGridsInput = z.object({
  version: z.number({ error: '请选择要恢复的版本' }).int('版本号应为整数').min(1, '版本号应为正整数').max(1_000_000, '版本号无效'),
  reason: reason('恢复的原因')
})
export type RestoreGridsInput = z.infer<typeof restoreGridsInput>

export const saveGridInput = z.object({
  id,
  name: z.string().trim().min(2, '网格名称至少 2 个字').max(60, '网格名称不能超过 60 个字').optional(),
  population: z.number({ error: '常住人口应为数字' }).int('常住人口应为整数').min(0, '常住人口不能为负数')
    .max(MAX_GRID_POPULATION, `常住人口不能超过 ${MAX_GRID_POPULATION}`).optional(),
  managerIds: z.array(id).max(MAX_GRID_MANAGERS, `一个网格最多 ${MAX_GRID_MANAGERS} 位网格员`).optional(),
  reason: reason('修改的原因')
})
export type SaveGridInput = z.infer<typeof saveGridInput>
