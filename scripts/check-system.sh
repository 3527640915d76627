#!/usr/bin/env bash
# Checks the system libraries that WeasyPrint (Pango) and Qt need, and the fonts charters use;
# with --test, also the tools the end-to-end test drives a real X display with; with --bundle,
# those and the tools `make test-bundle` checks and installs the bundle and the .deb with.
# On Debian/Ubuntu as root, installs what is missing; elsewhere says what to install and stops.
# Quick when everything is there: `make` runs it every time.
set -u

case "${1:-}" in
  "") with_test=0 with_bundle=0 ;;
  --test) with_test=1 with_bundle=0 ;;
  --bundle) with_test=1 with_bundle=1 ;;
  *) echo "usage: $0 [--test|--bundle]" >&2; exit 2 ;;
esac

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
weasyprint_libs=(
  "libpango-1.0.so.0 libpango-1.0-0"
  "libpangoft2-1.0.so.0 libpangoft2-1.0-0"
  "libharfbuzz.so.0 libharfbuzz0b"
  "libfontconfig.so.1 libfontconfig1"
)
# Everything outside PySide6 that Qt's xcb platform loads: `ldd` on PySide6's
# Qt/plugins/platforms/libqxcb.so, Qt/lib/libQt6XcbQpa.so.6 and Qt/plugins/xcbglintegrations/*.so
# (with libQt6Gui and libQt6Core under them), less glibc and what these packages pull in.
# Without one of them the app aborts at start (exit 134); tests/test_system_libs.py fails when a
# newer PySide6 needs a library this list lacks.
qt_libs=(
  "libstdc++.so.6 libstdc++6"
  "libglib-2.0.so.0 libglib2.0-0"
  "libgthread-2.0.so.0 libglib2.0-0"
  "libfreetype.so.6 libfreetype6"
  "libdbus-1.so.3 libdbus-1-3"
  "libEGL.so.1 libegl1"
  "libGL.so.1 libgl1"
  "libX11.so.6 libx11-6"
  "libX11-xcb.so.1 libx11-xcb1"
  "libxkbcommon.so.0 libxkbcommon0"
  "libxkbcommon-x11.so.0 libxkbcommon-x11-0"
  "libxcb.so.1 libxcb1"
  "libxcb-cursor.so.0 libxcb-cursor0"
  "libxcb-glx.so.0 libxcb-glx0"
  "libxcb-icccm.so.4 libxcb-icccm4"
  "libxcb-image.so.0 libxcb-image0"
  "libxcb-keysyms.so.1 libxcb-keysyms1"
  "libxcb-randr.so.0 libxcb-randr0"
  "libxcb-render.so.0 libxcb-render0"
  "libxcb-render-util.so.0 libxcb-render-util0"
  "libxcb-shape.so.0 libxcb-shape0"
  "libxcb-shm.so.0 libxcb-shm0"
  "libxcb-sync.so.1 libxcb-sync1"
  "libxcb-util.so.1 libxcb-util1"
  "libxcb-xfixes.so.0 libxcb-xfixes0"
  "libxcb-xkb.so.1 libxcb-xkb1"
)
# font file pattern -> Debian package (charters print any script: accents, CJK, RTL, emoji)
fonts=(
  "DejaVuSans.ttf fonts-dejavu-core"
  "NotoSansArabic-Regular.ttf fonts-noto-core"
  "NotoSansCJK-Regular.ttc fonts-noto-cjk"
  "NotoColorEmoji.ttf fonts-noto-color-emoji"
)
# command -> Debian package: the end-to-end test's X server, window manager, keyboard and
# screenshots (tests/e2e/)
test_tools=(
  "Xvfb xvfb"
  "openbox openbox"
  "xdotool xdotool"
  "import imagemagick"
)

# command -> Debian package: what tests/e2e/test_bundle_*.py validate, package and install with
bundle_tools=(
  "desktop-file-validate desktop-file-utils"
  "appstreamcli appstream"
  "lintian lintian"
  "dpkg-deb dpkg"
  "fc-scan fontconfig"
  "update-mime-database shared-mime-info"
  "pipx pipx"
)

# One look at the linker's cache. Debian keeps ldconfig in /sbin, off a normal user's PATH.
ldconfig_bin=$(command -v ldconfig || echo /sbin/ldconfig)
lib_cache=$("$ldconfig_bin" -p 2>/dev/null)

missing=()        # Debian packages
missing_what=()   # the library, font or command each one is for, for systems without apt-get
add_missing() {
  case " ${missing[*]} " in *" $1 "*) return ;; esac
  missing+=("$1")
  missing_what+=("$2")
}

for entry in "${weasyprint_libs[@]}" "${qt_libs[@]}"; do
  set -- $entry
  case "$lib_cache" in *$'\t'"$1 ("*) ;; *) add_missing "$2" "$1" ;; esac
done
for entry in "${fonts[@]}"; do
  set -- $entry
  if ! find /usr/share/fonts /usr/local/share/fonts -name "$1" 2>/dev/null | grep -q .; then
    add_missing "$2" "$1"
  fi
done
if [ "$with_test" = 1 ]; then
  for entry in "${test_tools[@]}"; do
    set -- $entry
    command -v "$1" >/dev/null || add_missing "$2" "$1"
  done
fi

if [ "$with_bundle" = 1 ]; then
  for entry in "${bundle_tools[@]}"; do
    set -- $entry
    command -v "$1" >/dev/null || add_missing "$2" "$1"
  done
fi

# The German locale: tests/ui/test_charter_dates_locale.py starts Qt under it to show that a
# charter's dates follow the workshop's language, not the desktop's. Generated from glibc's
# locale sources (the `locales` package on Debian) when root can; otherwise said and stopped.
test_locale=de_DE.UTF-8
has_test_locale() { locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; }
if [ "$with_test" = 1 ] && ! has_test_locale; then
  if [ "$(id -u)" = 0 ] && command -v localedef >/dev/null && [ -e /usr/share/i18n/locales/de_DE ]; then
    echo "Generating the $test_locale locale for the tests"
    localedef -i de_DE -f UTF-8 "$test_locale" || true
  elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    add_missing locales "the $test_locale locale"
  fi
fi

if [ ${#missing[@]} -eq 0 ]; then
  if [ "$with_test" = 1 ] && ! has_test_locale; then
    echo "The tests need the $test_locale locale: generate it as root with" \
      "'localedef -i de_DE -f UTF-8 $test_locale' (Debian: apt-get install locales first)." >&2
    exit 1
  fi
  exit 0
fi

if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if apt-get update -qq >/dev/null && \
     apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    if [ "$with_test" = 1 ] && ! has_test_locale; then
      localedef -i de_DE -f UTF-8 "$test_locale" || exit 1
    fi
    exit 0
  fi
  echo "Could not install: ${missing[*]} (apt-get failed; see its message above)." >&2
  exit 1
fi
echo "These system packages are missing: ${missing[*]}" >&2
if command -v apt-get >/dev/null; then
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
else
  printf -v needed '%s, ' "${missing_what[@]}"
  echo "Install what provides these with your package manager: ${needed%, }" \
    "(on Fedora, dnf provides '*/${missing_what[0]}' names the package)." >&2
fi
exit 1
