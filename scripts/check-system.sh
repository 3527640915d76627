#!/usr/bin/env bash
# Checks the system libraries that WeasyPrint (Pango) and Qt need, and the fonts charters use.
# On Debian/Ubuntu as root, installs what is missing; elsewhere says what to install and stops.
set -u

case "$(uname -s)" in
  Darwin)
    if ! command -v brew >/dev/null || ! brew list pango >/dev/null 2>&1; then
      echo "WeasyPrint needs Pango: install Homebrew, then 'brew install pango'." >&2
      exit 1
    fi
    exit 0 ;;
  MINGW*|MSYS*|CYGWIN*)
    echo "On Windows, install the GTK runtime (MSYS2: 'pacman -S mingw-w64-x86_64-pango') for WeasyPrint." >&2
    exit 0 ;;
esac

# soname -> Debian package
needs=(
  "libpango-1.0.so.0 libpango-1.0-0"
  "libpangoft2-1.0.so.0 libpangoft2-1.0-0"
  "libharfbuzz.so.0 libharfbuzz0b"
  "libfontconfig.so.1 libfontconfig1"
  "libEGL.so.1 libegl1"
  "libGL.so.1 libgl1"
  "libxkbcommon.so.0 libxkbcommon0"
  "libdbus-1.so.3 libdbus-1-3"
)
# font file pattern -> Debian package (charters print any script: accents, CJK, RTL, emoji)
fonts=(
  "DejaVuSans.ttf fonts-dejavu-core"
  "NotoSansArabic-Regular.ttf fonts-noto-core"
  "NotoSansCJK-Regular.ttc fonts-noto-cjk"
  "NotoColorEmoji.ttf fonts-noto-color-emoji"
)

missing=()
for entry in "${needs[@]}"; do
  set -- $entry
  if ! ldconfig -p 2>/dev/null | grep -q "$1"; then missing+=("$2"); fi
done
for entry in "${fonts[@]}"; do
  set -- $entry
  if ! find /usr/share/fonts /usr/local/share/fonts -name "$1" 2>/dev/null | grep -q .; then
    missing+=("$2")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit $?
fi
echo "These system packages are missing: ${missing[*]}" >&2
if command -v apt-get >/dev/null; then
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
else
  echo "Install Pango, HarfBuzz, fontconfig, EGL/GL, xkbcommon and the Noto fonts with your package manager." >&2
fi
exit 1
