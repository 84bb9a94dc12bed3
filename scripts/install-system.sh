#!/usr/bin/env bash
# The Debian packages the features and tests need, installed once (nothing is downloaded by Python):
#   chromium                      browser tests (Playwright drives /usr/bin/chromium)
#   tesseract-ocr, -ind           reading scanned PDFs and photos of IKI documents, in Indonesian
#   hunspell-id                   Indonesian word list for splitting words OCR glued together
#   libreoffice-writer, fonts     the tests make PDF versions of the seed documents with it
#   postgresql                    the store tests start a real PostgreSQL server in a temporary folder
set -euo pipefail
declare -A CHECK=(
    [chromium]=/usr/bin/chromium
    [tesseract-ocr]=/usr/bin/tesseract
    [tesseract-ocr-ind]=/usr/share/tesseract-ocr/5/tessdata/ind.traineddata
    [hunspell-id]=/usr/share/hunspell/id_ID.dic
    [libreoffice-writer]=/usr/lib/libreoffice/program/swriter
    [fonts-liberation]=/usr/share/fonts/truetype/liberation
    [postgresql]="$(compgen -G '/usr/lib/postgresql/*/bin/initdb' | head -n 1)"
)
MISSING=()
for package in "${!CHECK[@]}"; do
    [ -e "${CHECK[$package]}" ] || MISSING+=("$package")
done
if [ ${#MISSING[@]} -eq 0 ]; then
    exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Memasang paket Debian: ${MISSING[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${MISSING[@]}" >/dev/null
