#!/usr/bin/env bash
# Debian's Chromium for the browser test (Playwright drives /usr/bin/chromium; it never downloads a browser).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Memasang chromium (Debian) untuk uji peramban..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
