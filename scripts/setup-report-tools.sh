#!/usr/bin/env bash
# Installs what the reports need, only when missing (idempotent): headless Chromium to print PDF, Noto CJK fonts so
# Chinese text is real text, poppler-utils (pdftotext/pdftoppm) for the tests, and the chart script's npm packages
# (reports/package-lock.json; node_modules is never committed). Debian packages need root; otherwise it says what to install.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q "ok installed" || fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "[setup-report-tools] installing: ${missing[*]}" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  else
    echo "[setup-report-tools] missing (install as root): ${missing[*]}" >&2
  fi
fi

if [ ! -d reports/node_modules/echarts ] || [ ! -d reports/node_modules/echarts4 ]; then
  echo "[setup-report-tools] npm ci in reports/" >&2
  (cd reports && npm ci --no-audit --no-fund --loglevel=error) >&2
fi
