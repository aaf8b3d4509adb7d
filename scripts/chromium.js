// Where the system Chromium is (Debian package `chromium`), or null.
const { existsSync } = require('node:fs')

function findChromium () {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  return candidates.find((p) => p && existsSync(p)) ?? null
}

module.exports = { findChromium }
