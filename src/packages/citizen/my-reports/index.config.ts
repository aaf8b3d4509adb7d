export default definePageConfig({ navigationBarTitleText: '我的随手拍' })
