// Large text (我的 → 文字大小): every absolute font-size and line-height, in the app's CSS and each page's, becomes
// calc(size * var(--wm-scale, 1)). The shell sets --wm-scale on <html> (H5) or on each page (weapp page-meta);
// unset, the value is the size as written. Relative sizes (em, %, unitless line-height) already follow.
// A rule holding the comment `text-scale: off` keeps its sizes (bars whose height is fixed, as on the phone).
const ABSOLUTE = /^-?[\d.]+(px|rpx|rem|PX|Px)$/

module.exports = () => ({
  postcssPlugin: 'wm-text-scale',
  Declaration (decl) {
    if (decl.prop !== 'font-size' && decl.prop !== 'line-height') return
    if (decl.parent?.nodes?.some((n) => n.type === 'comment' && n.text.trim() === 'text-scale: off')) return
    const value = decl.value.trim()
    if (!ABSOLUTE.test(value)) return
    decl.value = `calc(${value} * var(--wm-scale, 1))`
  }
})
module.exports.postcss = true
