// Runs in the mini-program, right after the platform's runtime: the same attribute table as the templates, so the
// runtime's short data keys (p0, p1…, counted over each component's sorted attribute names) match base.wxml's.
import { mergeInternalComponents } from '@tarojs/shared'
import components from './components.json'

mergeInternalComponents(components)
