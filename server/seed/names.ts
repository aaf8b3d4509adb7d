import { pick, type Rng } from './prng'

/** Generated Chinese personal names for demo users; any likeness to a real person is coincidence. */
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛龚邵万严覃戴莫向汤'
const GIVEN = [
  '建国', '丽华', '志强', '秀英', '伟', '芳', '敏', '静', '海燕', '小红', '桂兰', '德明', '文斌', '晓东', '红梅',
  '军', '勇', '玉兰', '春花', '国庆', '卫东', '婷', '磊', '洋', '艳', '杰', '娟', '涛', '明', '超', '霞', '平',
  '刚', '湘平', '满秀', '爱华', '志刚', '雪梅', '铁军', '湘君', '晓燕', '建华', '宇', '思源', '梓涵', '浩然'
]

export function personName (rng: Rng): string {
  return pick(rng, [...SURNAMES]) + pick(rng, GIVEN)
}
