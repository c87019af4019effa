; Mentor Circle's Windows installer, built on Linux by scripts/package.sh --windows with
; Debian's makensis. Tauri's own NSIS bundler cannot run here (it downloads a plugin DLL
; from GitHub on every build, and its script needs NSIS 3.09's RestartManager.nsh), so
; this script does the same few things with NSIS's stock headers and no plugins:
; - installs for the current user only (no administrator prompt), into
;   %LOCALAPPDATA%\Mentor Circle, as Tauri's "currentUser" mode does;
; - puts a Start-menu shortcut there that carries the AppUserModelID, without which
;   Windows shows none of the app's toasts;
; - registers an uninstaller under HKCU, which leaves the user's circle alone.
;
; makensis -D defines: VERSION, APP_EXE (the built mentor-circle.exe), LOADER
; (WebView2Loader.dll, which the GNU build loads at run time), ICON, OUT_FILE.

; 64-bit, like the app (which does not run on 32-bit Windows anyway).
Target amd64-unicode
SetCompressor /SOLID lzma
RequestExecutionLevel user

!include LogicLib.nsh
!include Win\COM.nsh
!include Win\Propkey.nsh

!define PRODUCT "Mentor Circle"
; The bundle identifier (tauri.conf.json): the toasts' AppUserModelID, and the
; name of the data folder the app keeps under %LOCALAPPDATA%.
!define IDENTIFIER "app.mentorcircle.desktop"
!define PUBLISHER "Mentor Circle"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
!define SHORTCUT "$SMPROGRAMS\${PRODUCT}.lnk"
; The Evergreen WebView2 runtime's client id, per machine and per user.
!define WEBVIEW2_CLIENT "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

Name "${PRODUCT}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\${PRODUCT}"
Icon "${ICON}"
UninstallIcon "${ICON}"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "${PRODUCT}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "CompanyName" "${PUBLISHER}"
VIAddVersionKey "FileDescription" "${PRODUCT} installer"
VIAddVersionKey "LegalCopyright" "© 2026 the Mentor Circle developers"

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

; Gives the shortcut at LINK the AppUserModelID ID, through the shell link's property
; store (IPersistFile to load and save it, IPropertyStore to set the key).
!macro SetShortcutAppId LINK ID
  !insertmacro ComHlpr_CreateInProcInstance ${CLSID_ShellLink} ${IID_IShellLink} r0 ""
  ${If} $0 P<> 0
    ${IUnknown::QueryInterface} $0 '("${IID_IPersistFile}",.r1)'
    ${If} $1 P<> 0
      ${IPersistFile::Load} $1 '("${LINK}",2)'
      ${IUnknown::QueryInterface} $0 '("${IID_IPropertyStore}",.r2)'
      ${If} $2 P<> 0
        System::Call '*(&w64 "${ID}")p.r5'
        System::Call '*${SYSSTRUCT_PROPERTYKEY}(${PKEY_AppUserModel_ID})p.r3'
        System::Call '*${SYSSTRUCT_PROPVARIANT}(${VT_LPWSTR},,$5)p.r4'
        ${IPropertyStore::SetValue} $2 '($3,$4)'
        ${IPropertyStore::Commit} $2 ""
        ${IUnknown::Release} $2 ""
        System::Free $3
        System::Free $4
        System::Free $5
      ${EndIf}
      ${IPersistFile::Save} $1 '("${LINK}",1)'
      ${IUnknown::Release} $1 ""
    ${EndIf}
    ${IUnknown::Release} $0 ""
  ${EndIf}
!macroend

Function .onInit
  ; Windows 10 and 11 ship the WebView2 runtime; an older or stripped system may not.
  ; The installer downloads nothing: it says what is missing.
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_CLIENT}" "pv"
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_CLIENT}" "pv"
  ${EndIf}
  ${If} $0 == ""
  ${OrIf} $0 == "0.0.0.0"
    MessageBox MB_OKCANCEL|MB_ICONINFORMATION \
      "${PRODUCT} draws its window with Microsoft Edge WebView2, which this computer does not seem to have. Windows 10 and 11 include it; otherwise install the WebView2 Runtime from Microsoft's website.$\n$\nInstall ${PRODUCT} anyway?" \
      /SD IDOK IDOK +2
    Abort
  ${EndIf}
FunctionEnd

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=mentor-circle.exe" "${APP_EXE}"
  File "/oname=WebView2Loader.dll" "${LOADER}"
  File "/oname=mentor-circle.ico" "${ICON}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "${SHORTCUT}" "$INSTDIR\mentor-circle.exe" "" "$INSTDIR\mentor-circle.ico" 0
  !insertmacro SetShortcutAppId "${SHORTCUT}" "${IDENTIFIER}"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\mentor-circle.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "${SHORTCUT}"
  Delete "$INSTDIR\mentor-circle.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\mentor-circle.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; "Start at login" (the autostart plugin's Run value, named after the app).
  DeleteRegValue HKCU "Software\Microsoft\Windows\CurrentVersion\Run" "${PRODUCT}"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  ; The circle itself is the user's: it stays, and they are told where.
  MessageBox MB_OK|MB_ICONINFORMATION \
    "Your circle is still in $LOCALAPPDATA\${IDENTIFIER}, encrypted. Delete that folder to remove it for good, or install ${PRODUCT} again to open it." \
    /SD IDOK
SectionEnd
