export default definePageConfig({ navigationBarTitleText: '问题分类' })
