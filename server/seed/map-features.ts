import type { MapFeatures } from '../../core/routing/map-features'

/**
 * 雨花区's main roads, rivers and a few well-known places, GCJ-02 [lng, lat], for orientation on the offline
 * (H5) point picker; the WeChat build shows Tencent's own map instead.
 *
 * Accuracy: HAND-PLACED from general public map knowledge, like outline.ts, NOT survey data. Places are
 * within a few hundred metres; roads are straightened between a few known crossings and may be 0.5–1 km off
 * in between; rivers are only their rough course. The places agree with the named spots the demo tickets
 * use (ticket-specs.ts). Good enough to say "the problem is near 东塘, by 韶山路", never to route a report
 * (grids do that) or to measure a distance. Kept small (≈2 KB): it travels with every `reports.gridMap`.
 */
export const YUHUA_MAP_FEATURES: MapFeatures = {
  roads: [
    { name: '京港澳高速', kind: 'expressway', line: [[113.097, 28.205], [113.100, 28.160], [113.104, 28.120], [113.100, 28.080], [113.094, 28.040]] },
    { name: '二环线', kind: 'ring', line: [[113.022, 28.205], [113.022, 28.180], [113.021, 28.160], [113.013, 28.147], [113.004, 28.143], [112.985, 28.141], [112.970, 28.140]] },
    { name: '芙蓉路', kind: 'main', line: [[112.983, 28.205], [112.984, 28.192], [112.983, 28.178], [112.984, 28.160], [112.986, 28.141], [112.988, 28.121], [112.993, 28.101], [112.997, 28.085]] },
    { name: '韶山路', kind: 'main', line: [[113.000, 28.205], [113.001, 28.186], [113.001, 28.176], [113.004, 28.160], [113.004, 28.142], [113.006, 28.117], [113.008, 28.092]] },
    { name: '万家丽路', kind: 'main', line: [[113.036, 28.205], [113.036, 28.193], [113.035, 28.170], [113.033, 28.150], [113.034, 28.125], [113.036, 28.100], [113.037, 28.080]] },
    { name: '人民路', kind: 'main', line: [[112.975, 28.193], [112.984, 28.192], [113.000, 28.193], [113.018, 28.195], [113.034, 28.199], [113.048, 28.203]] },
    { name: '劳动路', kind: 'main', line: [[112.975, 28.178], [113.001, 28.176], [113.015, 28.166], [113.030, 28.153], [113.045, 28.149], [113.062, 28.150]] },
    { name: '香樟路', kind: 'main', line: [[112.984, 28.156], [113.006, 28.156], [113.033, 28.158], [113.050, 28.160]] },
    { name: '长沙大道', kind: 'main', line: [[113.004, 28.134], [113.034, 28.135], [113.062, 28.137], [113.090, 28.138], [113.125, 28.139]] },
    { name: '湘府路', kind: 'main', line: [[112.986, 28.118], [113.012, 28.122], [113.035, 28.112], [113.060, 28.104]] },
    { name: '浏阳河', kind: 'river', line: [[113.030, 28.214], [113.050, 28.206], [113.061, 28.197], [113.068, 28.184], [113.078, 28.172], [113.095, 28.166], [113.112, 28.154], [113.128, 28.150]] },
    { name: '圭塘河', kind: 'river', line: [[113.018, 28.182], [113.026, 28.164], [113.031, 28.150], [113.027, 28.130], [113.031, 28.108], [113.040, 28.090]] }
  ],
  places: [
    { name: '长沙南站', rank: 1, at: [113.064, 28.148] },
    { name: '省政府', rank: 1, at: [112.991, 28.112] },
    { name: '东塘', rank: 1, at: [113.001, 28.176] },
    { name: '雨花亭', rank: 1, at: [113.006, 28.156] },
    { name: '红星', rank: 1, at: [113.012, 28.125] },
    { name: '树木岭', rank: 1, at: [113.045, 28.166] },
    { name: '高桥', rank: 1, at: [113.036, 28.193] },
    { name: '侯家塘', rank: 2, at: [112.986, 28.185] },
    { name: '左家塘', rank: 2, at: [113.015, 28.185] },
    { name: '砂子塘', rank: 2, at: [112.992, 28.163] },
    { name: '井湾子', rank: 2, at: [113.004, 28.142] },
    { name: '圭塘', rank: 2, at: [113.030, 28.150] },
    { name: '黎托', rank: 2, at: [113.074, 28.166] },
    { name: '洞井', rank: 2, at: [113.006, 28.117] },
    { name: '同升', rank: 2, at: [113.035, 28.100] },
    { name: '东山', rank: 2, at: [113.090, 28.112] }
  ]
}
