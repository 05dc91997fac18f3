@echo off
rem Installs or upgrades evaldesk from this folder with no network: the program (a virtualenv) in
rem %LOCALAPPDATA%\evaldesk\venv, apart from the data (%APPDATA%\evaldesk), which installing, upgrading and
rem uninstall.bat never touch; a Start-menu and desktop shortcut. Needs a 64-bit Python 3.11, 3.12 or 3.13 for
rem Windows with the "py" launcher. This file is saved with CRLF line endings (cmd needs them; .gitattributes).
chcp 65001 >nul
setlocal
rem Python's output in this UTF-8 console (a Chinese user name in a path reads back as it is)
set PYTHONUTF8=1
set PYTHONIOENCODING=utf-8
set "HERE=%~dp0"
set "TARGET=%LOCALAPPDATA%\evaldesk\venv"
set "CHECK=import sys; sys.exit(0 if sys.maxsize > 2**32 else 1)"

rem The newest promised Python first; py -3 alone would take 3.14 (no PySide6 wheel for it) or a 32-bit one.
set PYVER=
for %%v in (3.13 3.12 3.11) do (
  if not defined PYVER (
    py -%%v-64 -c "%CHECK%" >nul 2>nul && set PYVER=%%v
  )
)
if not defined PYVER (
  echo 需要 64 位的 Python 3.11、3.12 或 3.13（带 py 启动器）。没有时请改用离线程序包 evaldesk-*-windows-x64.zip。
  pause
  exit /b 1
)

set BEFORE=
if exist "%TARGET%\Scripts\evaldesk-cli.exe" (
  for /f "usebackq delims=" %%i in (`call "%TARGET%\Scripts\evaldesk-cli.exe" --version`) do set "BEFORE=%%i"
)
echo 正在用 Python %PYVER% 安装 evaldesk（约 1-3 分钟，请稍候）……
if exist "%TARGET%.old" rmdir /s /q "%TARGET%.old"
if exist "%TARGET%" move "%TARGET%" "%TARGET%.old" >nul
py -%PYVER%-64 -m venv "%TARGET%" || goto failed
"%TARGET%\Scripts\python.exe" -m pip install --no-index --find-links "%HERE%." --upgrade --disable-pip-version-check evaldesk || goto failed
set AFTER=
for /f "usebackq delims=" %%i in (`call "%TARGET%\Scripts\evaldesk-cli.exe" --version`) do set "AFTER=%%i"
if not defined AFTER goto failed
if exist "%TARGET%.old" rmdir /s /q "%TARGET%.old"
copy /y "%HERE%uninstall.bat" "%LOCALAPPDATA%\evaldesk\uninstall.bat" >nul

set "ICON=%TARGET%\Lib\site-packages\evaldesk\_resources\icons\evaldesk.ico"
powershell -NoProfile -Command "$s=(New-Object -ComObject WScript.Shell); foreach($d in @([Environment]::GetFolderPath('Programs'),[Environment]::GetFolderPath('Desktop'))){ $l=$s.CreateShortcut((Join-Path $d '部门整体支出绩效评价自评.lnk')); $l.TargetPath=$env:TARGET + '\Scripts\evaldesk.exe'; $l.IconLocation=$env:ICON; $l.Save() }"
if defined BEFORE if not "%BEFORE%"=="%AFTER%" (
  echo 已升级：%BEFORE% → %AFTER%。数据文件未改动。
  goto done
)
echo 已安装：%AFTER%。
:done
echo 可从开始菜单或桌面的“部门整体支出绩效评价自评”打开。卸载：%LOCALAPPDATA%\evaldesk\uninstall.bat（不删除数据）
pause
exit /b 0

:failed
if exist "%TARGET%" rmdir /s /q "%TARGET%"
if exist "%TARGET%.old" move "%TARGET%.old" "%TARGET%" >nul
echo 安装失败（见上方信息）。原有程序未改动。
pause
exit /b 1
