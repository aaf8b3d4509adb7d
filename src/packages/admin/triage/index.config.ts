export default definePageConfig({ navigationBarTitleText: '分拣台' })
