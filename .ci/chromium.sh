# Sourced by .ci/run: Debian's Chromium for the browser tests (playwright-core drives it; no
# browser is downloaded). Installs it only when /usr/bin/chromium is missing (as root).
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi
