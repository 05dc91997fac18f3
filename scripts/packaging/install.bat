@echo off
rem Installs evaldesk from this folder with no network: a virtualenv in %LOCALAPPDATA%\evaldesk\venv and a
rem Start-menu and desktop shortcut. Needs Python 3.11, 3.12 or 3.13 for Windows (x64) with the "py" launcher.
chcp 65001 >nul
setlocal
set HERE=%~dp0
set TARGET=%LOCALAPPDATA%\evaldesk\venv
py -3 -c "import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] <= (3, 13) else 1)" || (
  echo 需要 64 位 Python 3.11、3.12 或 3.13。没有时请改用离线程序包 evaldesk-*-windows-x64.zip。
  pause & exit /b 1
)
py -3 -m venv "%TARGET%" || (pause & exit /b 1)
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%." --quiet evaldesk || (pause & exit /b 1)
for /f "delims=" %%i in ('"%TARGET%\Scripts\python.exe" -c "from evaldesk.resources import RESOURCES; print(RESOURCES / 'icons' / 'evaldesk.ico')"') do set ICON=%%i
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell); foreach($d in @([Environment]::GetFolderPath('Programs'),[Environment]::GetFolderPath('Desktop'))){ $l=$s.CreateShortcut((Join-Path $d '部门整体支出绩效评价自评.lnk')); $l.TargetPath='%TARGET%\Scripts\evaldesk.exe'; $l.IconLocation='%ICON%'; $l.Save() }"
echo 已安装。可从开始菜单或桌面的“部门整体支出绩效评价自评”打开。
pause
