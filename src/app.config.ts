export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/report/index',
    'pages/me/index',
    'pages/not-found/index'
  ],
  subPackages: [
    { root: 'packages/citizen', pages: ['my-reports/index', 'survey/index', 'surveys/index', 'messages/index'] },
    { root: 'packages/ticket', pages: ['detail/index'] },
    {
      root: 'packages/volunteer',
      pages: [
        'events/index', 'event/index', 'register/index', 'mine/index', 'certificate/index', 'verify/index',
        'organize/index', 'edit/index', 'roster/index', 'checkin-code/index', 'report/index'
      ]
    },
    { root: 'packages/grid', pages: ['inbox/index'] },
    { root: 'packages/admin', pages: ['triage/index', 'surveys/index', 'survey-edit/index', 'survey-results/index', 'dashboard/index', 'categories/index', 'settings/index', 'people/index', 'audit/index', 'grids/index'] },
    { root: 'packages/account', pages: ['signin/index', 'scan/index', 'sessions/index'] }
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#ededed',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '文明共建',
    navigationBarTextStyle: 'black',
    // H5 draws WeChat's navigation bar (title, back, home) only when asked; WeChat draws it either way.
    navigationStyle: 'default'
  },
  tabBar: {
    // Label colours readable on the bar (≥ 4.5:1 on #f7f7f7): WeChat's #7f7f7f / #07c160 are 3.7:1 / 2.2:1.
    color: '#5c5c5c',
    selectedColor: '#06773b',
    backgroundColor: '#f7f7f7',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/report/index', text: '随手拍', iconPath: 'assets/tab/report.png', selectedIconPath: 'assets/tab/report-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' }
    ]
  },
  // Inject only the components a page uses (DevTools' code-quality item LAZYCODE_LOADING_OPEN).
  lazyCodeLoading: 'requiredComponents',
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: {
    'scope.userLocation': { desc: '用于确定问题发生的位置和所属网格' }
  }
})
