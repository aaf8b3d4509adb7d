import type { GcjRing } from '../../core/types'

/**
 * 长沙市雨花区 (Yuhua District, Changsha, Hunan), administrative code 430111: an approximate outline in
 * GCJ-02 [lng, lat], listed clockwise from the north-west corner.
 *
 * Source and limits: HAND-DRAWN from general public map knowledge (street names, landmarks and the course
 * of the 浏阳河 as shown on consumer web maps), NOT survey or official boundary data. Vertices are
 * placed to within a few hundred metres at best, the 浏阳河 reach is straightened, and the southern part
 * (towards 跳马, whose boundary changed over the years) is only a rough lobe. Use it to lay demo grids,
 * never to decide which authority a real place belongs to. Official figures for the district's area
 * differ with the boundary version (the older urban district is ~114 km²); this ring measures about
 * 178 km² by shoelace (checked loosely in the test).
 *
 * Rough landmarks: the west edge follows 芙蓉中路/芙蓉南路 near 天心区; the north edge 人民中路/人民东路
 * (芙蓉区 beyond); the north-east edge the 浏阳河 past 高桥 and 黎托; the east edge meets 长沙县.
 */
export const YUHUA_ADMIN_CODE = '430111'
export const YUHUA_NAME = '雨花区'
export const YUHUA_CITY = '长沙市'

export const YUHUA_OUTLINE: GcjRing = [
  [112.984, 28.192], // 芙蓉中路 × 人民中路 (north-west corner)
  [113.000, 28.193], // 人民中路, 长沙站 south side
  [113.018, 28.195], // 人民东路 × 曙光路
  [113.034, 28.199], // 高桥 north, 人民东路
  [113.050, 28.203], // towards the 浏阳河
  [113.061, 28.197], // 浏阳河 (west bank)
  [113.068, 28.184],
  [113.078, 28.172], // 浏阳河 near 黎托
  [113.095, 28.166],
  [113.112, 28.153], // meets 长沙县
  [113.124, 28.133],
  [113.128, 28.108],
  [113.117, 28.088],
  [113.101, 28.068],
  [113.088, 28.048],
  [113.070, 28.034], // southern tip (towards 跳马)
  [113.051, 28.040],
  [113.036, 28.055],
  [113.021, 28.070],
  [113.006, 28.087],
  [112.993, 28.101], // 芙蓉南路, south of 洞井
  [112.988, 28.121],
  [112.986, 28.141], // 芙蓉南路 near 井湾子
  [112.984, 28.160],
  [112.983, 28.178] // 芙蓉中路 near 侯家塘
]
