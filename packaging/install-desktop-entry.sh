#!/bin/sh
# Adds FT Planner to the desktop's application menu for this user (no root needed): the icon goes to
# ~/.local/share/icons, the entry (pointing at this folder's ftplanner) to ~/.local/share/applications.
# Run it again after moving the folder; remove those two files to undo.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps"
cp "$here/ftplanner.png" "$data/icons/hicolor/256x256/apps/ftplanner.png"
sed "s|^Exec=.*|Exec=\"$here/ftplanner\"|" "$here/ftplanner.desktop" > "$data/applications/ftplanner.desktop"
echo "FT Planner added to the application menu ($data/applications/ftplanner.desktop)"
