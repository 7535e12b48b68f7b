# Sourced by .ci/run: Debian's Chromium for the browser tests (playwright-core drives it; no
# browser is ever downloaded). Idempotent: installs only when /usr/bin/chromium is missing.
if [ ! -x /usr/bin/chromium ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
fi
echo "Chromium for the browser tests: $(/usr/bin/chromium --version 2>/dev/null || echo missing)"
