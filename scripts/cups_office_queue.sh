#!/bin/sh
# A printer queue like an office's, on a machine without a printer, to try the window's 打印 for real: CUPS with
# cups-pdf as the "printer" (each job ends as a PDF in ~/PDF of the user who printed, as root /root/PDF), its
# driver file given what an office laser printer's has and cups-pdf's lacks — a two-sided option — and the
# defaults a US driver ships with (Letter, 1200 dpi), so the form's A4 preset and resolution cap are tried too.
# Needs root and `apt-get install -y --no-install-recommends cups cups-pdf`; start the scheduler with /usr/sbin/cupsd.
# Not used by the tests (CI has no CUPS): see tests/ui/test_printing.py, which prints through the same code to a file.
set -e
PPD=/tmp/evaldesk-office.ppd
sed -e 's/^\*DefaultPageSize: A4/*DefaultPageSize: Letter/' \
    -e 's/^\*DefaultResolution: 300dpi/*DefaultResolution: 1200dpi/' \
    -e 's/^\*NickName: .*/*NickName: "Office duplex laser (cups-pdf)"/' \
    /usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd > "$PPD"
cat >> "$PPD" <<'PPD'
*OpenUI *Duplex/Double-Sided Printing: PickOne
*OrderDependency: 20 AnySetup *Duplex
*DefaultDuplex: None
*Duplex None/Off: "<</Duplex false>>setpagedevice"
*Duplex DuplexNoTumble/Long Edge: "<</Duplex true/Tumble false>>setpagedevice"
*Duplex DuplexTumble/Short Edge: "<</Duplex true/Tumble true>>setpagedevice"
*CloseUI: *Duplex
PPD
lpadmin -p Office -v cups-pdf:/ -E -P "$PPD" -o printer-is-shared=false
lpadmin -d Office
lpoptions -p Office -l | grep -E '^(PageSize|Resolution|Duplex)' | cut -c1-80
