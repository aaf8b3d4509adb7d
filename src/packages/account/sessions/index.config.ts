export default definePageConfig({ navigationBarTitleText: '桌面登录' })
