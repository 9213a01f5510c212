; Included by electron-builder's NSIS installer (electron-builder.yml, nsis.include).
; Adds Copydesk to the "Open with" list of bundles (.zip) and of the documents it imports,
; without making it the default app for any of them; removes that again on uninstall.

!macro copydeskOpenWith EXT
  WriteRegNone SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "Copydesk.Import"
!macroend

!macro copydeskForget EXT
  DeleteRegValue SHELL_CONTEXT "Software\Classes\.${EXT}\OpenWithProgids" "Copydesk.Import"
!macroend

!macro customInstall
  WriteRegStr SHELL_CONTEXT "Software\Classes\Copydesk.Import" "" "Open in Copydesk"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Copydesk.Import\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHELL_CONTEXT "Software\Classes\Copydesk.Import\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" "%1"'
  !insertmacro copydeskOpenWith "zip"
  !insertmacro copydeskOpenWith "md"
  !insertmacro copydeskOpenWith "txt"
  !insertmacro copydeskOpenWith "html"
  !insertmacro copydeskOpenWith "docx"
!macroend

!macro customUnInstall
  !insertmacro copydeskForget "zip"
  !insertmacro copydeskForget "md"
  !insertmacro copydeskForget "txt"
  !insertmacro copydeskForget "html"
  !insertmacro copydeskForget "docx"
  DeleteRegKey SHELL_CONTEXT "Software\Classes\Copydesk.Import"
!macroend
