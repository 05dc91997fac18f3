@echo off
rem Removes the evaldesk program installed by install.bat (%LOCALAPPDATA%\evaldesk\venv) and its shortcuts.
rem Never the data: %APPDATA%\evaldesk (evaldesk.sqlite, its backups) stays. Saved with CRLF line endings.
chcp 65001 >nul
setlocal
if exist "%LOCALAPPDATA%\evaldesk\venv\pyvenv.cfg" rmdir /s /q "%LOCALAPPDATA%\evaldesk\venv"
powershell -NoProfile -Command "foreach($d in @([Environment]::GetFolderPath('Programs'),[Environment]::GetFolderPath('Desktop'))){ Remove-Item -ErrorAction SilentlyContinue (Join-Path $d '部门整体支出绩效评价自评.lnk') }"
echo 已卸载 evaldesk 程序。数据未删除：%APPDATA%\evaldesk（确认不再需要后可自行删除）。
pause
