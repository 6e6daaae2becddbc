; Inno Setup script: wraps the PyInstaller folder into MatVietDesktop-Setup.exe.
; Build on Windows after PyInstaller:  iscc installer\matviet-desktop.iss
#define AppVersion GetEnv("MATVIET_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6E0C5B7A-3A53-4E52-9D2B-7C1A8E3F0B11}
AppName=Mắt Việt Desktop
AppVersion={#AppVersion}
AppPublisher=Mắt Việt
DefaultDirName={autopf}\MatViet Desktop
DefaultGroupName=Mắt Việt Desktop
OutputBaseFilename=MatVietDesktop-Setup-{#AppVersion}
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[Files]
Source: "..\dist\MatVietDesktop\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{group}\Mắt Việt Desktop"; Filename: "{app}\MatVietDesktop.exe"
Name: "{group}\Mắt Việt Desktop (demo)"; Filename: "{app}\MatVietDesktop.exe"; Parameters: "--demo"
Name: "{autodesktop}\Mắt Việt Desktop"; Filename: "{app}\MatVietDesktop.exe"

[Run]
Filename: "{app}\MatVietDesktop.exe"; Description: "Mở Mắt Việt Desktop"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; The per-user data (embedded database, cache) stays unless the user removes it: it may hold work.
