/**
 * The 12 streets (街道) of 雨花区 with approximate centres (GCJ-02, from public map knowledge, to a few
 * hundred metres) used to assign demo grids by nearest centre. Street codes are our own 3-digit
 * numbering in this order, not the official statistical codes. Community (社区) names are FICTIONAL,
 * plausible-sounding names for the demo; they are not the real communities of these streets.
 */
export interface StreetSeed {
  code: string
  name: string
  centre: [number, number]
  communities: readonly string[]
}

export const STREETS: readonly StreetSeed[] = [
  { code: '001', name: '侯家塘街道', centre: [112.984, 28.187], communities: ['桂花井', '紫荆里', '城南坊', '白果园', '芙蓉里'] },
  { code: '002', name: '左家塘街道', centre: [113.021, 28.188], communities: ['曙光里', '新竹园', '涂家冲', '杨家湾', '石板桥'] },
  { code: '003', name: '雨花亭街道', centre: [113.012, 28.160], communities: ['香樟苑', '砚池坪', '新桥', '枫林坡', '竹塘'] },
  { code: '004', name: '砂子塘街道', centre: [112.989, 28.163], communities: ['砂湖', '天华里', '金桥坪', '松桂园', '南湖湾'] },
  { code: '005', name: '东塘街道', centre: [113.004, 28.176], communities: ['东塘坪', '雅塘', '韶山里', '东瓜塘', '茶园坡'] },
  { code: '006', name: '高桥街道', centre: [113.038, 28.189], communities: ['高桥', '合平', '万家丽', '银杉', '远大里'] },
  { code: '007', name: '洞井街道', centre: [113.005, 28.113], communities: ['洞井铺', '鄱阳', '桂庄', '中意', '牛头冲'] },
  { code: '008', name: '黎托街道', centre: [113.072, 28.160], communities: ['黎托', '花侯', '南站', '大塘', '长塘'] },
  { code: '009', name: '东山街道', centre: [113.090, 28.105], communities: ['东山', '石塘', '金鹰', '桥头', '杨梅冲', '南坡'] },
  { code: '010', name: '同升街道', centre: [113.040, 28.090], communities: ['同升湖', '泉水冲', '湘府', '广生', '和平', '新塘'] },
  { code: '011', name: '井湾子街道', centre: [113.004, 28.142], communities: ['井湾', '新韶', '沙湾', '红星', '兴马'] },
  { code: '012', name: '圭塘街道', centre: [113.040, 28.145], communities: ['圭塘', '洪塘', '树木岭', '时代阳光', '鸿达'] }
]
