#!/usr/bin/env bash
# The .deb of the bundle (`make deb`): the bundle under /opt/workshop-app, the command on the
# PATH, the menu entry, the icon in hicolor, the .workshop MIME type and the AppStream data.
# The desktop's own triggers (desktop-file-utils, shared-mime-info, the icon cache) register
# them on install and removal, so the package has no maintainer scripts.
# usage: packaging/build-deb.sh BUNDLE_DIR VERSION OUT_DIR
set -euo pipefail
bundle=$1 version=$2 out=$3
here=$(cd "$(dirname "$0")" && pwd)
arch=$(dpkg --print-architecture)
name=workshop-app
root=$(mktemp -d "${TMPDIR:-/tmp}/$name-deb.XXXXXX")
trap 'rm -rf "$root"' EXIT

install -d "$root/opt" "$root/usr/bin" "$root/usr/share/doc/$name"
cp -a "$bundle" "$root/opt/$name"
ln -s "/opt/$name/$name" "$root/usr/bin/$name"
install -D -m 644 "$here/$name.desktop" "$root/usr/share/applications/$name.desktop"
install -D -m 644 "$here/$name-mime.xml" "$root/usr/share/mime/packages/$name.xml"
install -D -m 644 "$here"/io.github.workshop_app.WorkshopApp.metainfo.xml -t "$root/usr/share/metainfo"
icons=$here/../workshop_app/icons
install -D -m 644 "$icons/$name.svg" "$root/usr/share/icons/hicolor/scalable/apps/$name.svg"
for png in "$icons"/$name-*.png; do
  size=${png##*-}; size=${size%.png}
  install -D -m 644 "$png" "$root/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
install -m 644 "$here/copyright" "$root/usr/share/doc/$name/copyright"
printf '%s (%s) unstable; urgency=medium\n\n  * Built from the bundle of %s.\n\n -- %s  %s\n' \
  "$name" "$version" "$name $version" "$DEB_MAINTAINER" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" \
  | gzip -9n > "$root/usr/share/doc/$name/changelog.gz"

install -d "$root/DEBIAN"
cat > "$root/DEBIAN/control" <<CONTROL
Package: $name
Version: $version
Architecture: $arch
Maintainer: $DEB_MAINTAINER
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6 (>= 2.34), libgl1, libegl1, libxcb1
Recommends: fonts-noto-cjk, fonts-noto-color-emoji
Section: misc
Priority: optional
Description: run a mentoring program's launch workshop and print the charters
 A desktop app for trainers who run the launch workshop of a corporate
 mentoring program: it walks the facilitator through the agenda, records
 what each pair agrees in one workshop file, prints those agreements as
 mentoring charters the pairs sign, and gives program staff clean records.
 .
 This package holds a self-contained bundle (its own Python, Qt, Pango and
 fonts) under /opt/workshop-app.
CONTROL
find "$root" -type d -exec chmod 755 {} +
# Libraries are loaded, not run (PyInstaller copies them with their executable bits).
find "$root/opt" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 644 {} +
mkdir -p "$out"
dpkg-deb --root-owner-group --build "$root" "$out/${name}_${version}_${arch}.deb"
