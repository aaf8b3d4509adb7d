export default definePageConfig({ navigationBarTitleText: '问卷管理' })
