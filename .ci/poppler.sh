# Sourced by .ci/run: poppler's pdftotext and pdftoppm, with which the tests read the minutes.
# Installs Debian's poppler-utils when either is missing (as root).
if ! command -v pdftotext >/dev/null 2>&1 || ! command -v pdftoppm >/dev/null 2>&1; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends poppler-utils
fi
