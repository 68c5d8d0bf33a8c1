#!/bin/sh
# bad-pdf.sh: malformed, hostile and unreadable PDFs (issue 13). Each must give one clear line
# on stderr ("gavel: ..."), a documented exit status (0 when what could be read is shown; 65
# bad data; 69 the PDF reader missing), no crash of gavel, and an end within a bound; the PDF
# reader's own crash, hang or flood is gavel's to report. Gavel's own reader alone (no MuPDF)
# first, then with the helper, when it is built. Large and broken PDFs are made here,
# from the PDFs in tests/data/pdf, never committed.
. "$top_srcdir/tests/lib.sh"
need python3
need timeout
LIMIT=${BAD_TIMEOUT:-$((120 * ${GAVEL_TEST_SLOW:-1}))}
P="$top_srcdir/tests/data/pdf"
D="$TMP/d"
mkdir -p "$D"

# pdf_case DESC "CODES" [SAYS] FILE: gavel parse FILE exits with one of CODES in time, says
# SAYS (if given) in its one line, and nothing but "gavel: " lines reach stderr.
pdf_case() {
	local desc="$1" codes="$2" says="$3" file="$4" rc t0
	t0=$(date +%s)
	timeout -k 5 "$LIMIT" "$GAVEL" parse "$file" >"$TMP/out" 2>"$TMP/err"
	rc=$?
	local why=""
	[ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] && why="hung (killed after ${LIMIT}s);"
	[ "$rc" -gt 128 ] && [ "$rc" -lt 124 ] || [ "$rc" -gt 137 ] && why="$why crashed (exit $rc);"
	case " $codes " in *" $rc "*) ;; *) why="$why exit $rc, want one of $codes;" ;; esac
	grep -a -v -q '^gavel: ' "$TMP/err" && why="$why stderr: $(grep -a -v -m1 '^gavel: ' "$TMP/err" | head -c 100);"
	[ "$(grep -a -v -c ': warning: ' "$TMP/err")" -gt 1 ] && why="$why more than one error line;"
	[ -n "$says" ] && ! grep -q -- "$says" "$TMP/err" && why="$why does not say '$says': $(head -c 200 "$TMP/err");"
	[ "$rc" -ne 0 ] && [ ! -s "$TMP/err" ] && why="$why failed without a message;"
	if [ -n "$why" ]; then fail "$desc: $why"; else ok "$desc (exit $rc, $(($(date +%s) - t0))s)"; fi
}

python3 - "$P/A_RES_73_7-EN.pdf" "$D" <<'EOF'
import os, random, sys, zlib
src, d = sys.argv[1], sys.argv[2]
pdf = open(src, 'rb').read()
random.seed(13)
def w(name, data):
    open(os.path.join(d, name), 'wb').write(data)
w('truncated.pdf', pdf[:len(pdf) * 3 // 10])
w('cut-before-fonts.pdf', pdf[:2000])
w('header-only.pdf', b'%PDF-1.7\n%%EOF\n')
w('header-and-noise.pdf', b'%PDF-1.4\n' + bytes(random.getrandbits(8) for _ in range(100000)))
flipped = bytearray(pdf)
for _ in range(400):
    flipped[random.randrange(len(pdf) // 4, len(pdf))] = random.getrandbits(8)
w('flipped.pdf', bytes(flipped))
w('no-xref.pdf', pdf.replace(b'xref', b'xxxx').replace(b'startxref', b'startxxxx'))

def doc(objs, root=1):
    """A PDF of the given objects (bytes), numbered from 1, with a correct xref."""
    out = bytearray(b'%PDF-1.7\n')
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    x = len(out)
    out += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    for o in offs:
        out += b'%010d 00000 n \n' % o
    out += b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n' % (len(objs) + 1, root, x)
    return bytes(out)

def stream(data, extra=b''):
    z = zlib.compress(data, 9)
    return b'<< /Length %d /Filter /FlateDecode %s >>\nstream\n' % (len(z), extra) + z + b'\nendstream'

font = b'<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman >>'
# no pages at all
w('no-pages.pdf', doc([b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [] /Count 0 >>']))
# a page whose content inflates to 300 MB of blanks
w('bomb.pdf', doc([b'<< /Type /Catalog /Pages 2 0 R >>',
                   b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                   b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
                   stream(b' ' * 300_000_000)]))
# 200,000 nested q and a deep array in one content stream
w('deep.pdf', doc([b'<< /Type /Catalog /Pages 2 0 R >>',
                   b'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
                   b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R '
                   b'/Resources << /Font << /F1 5 0 R >> >> >>',
                   stream(b'q ' * 200000 + b'[' * 100000 + b' BT /F1 10 Tf 100 700 Td (deep) Tj ET'),
                   font]))
# a page tree whose pages are their own parents, and 20,000 pages of text
w('cycle.pdf', doc([b'<< /Type /Catalog /Pages 2 0 R >>', b'<< /Type /Pages /Kids [2 0 R] /Count 5 >>']))
n = 20000
objs = [b'<< /Type /Catalog /Pages 2 0 R >>',
        b'<< /Type /Pages /Kids [%s] /Count %d >>' % (b' '.join(b'%d 0 R' % (4 + i) for i in range(n)), n),
        font]
content = 4 + n
for i in range(n):
    objs.append(b'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R '
                b'/Resources << /Font << /F1 3 0 R >> >> >>' % content)
objs.append(stream(b'BT /F1 10 Tf 100 700 Td (The General Assembly, Recalling the page.) Tj ET'))
w('many-pages.pdf', doc(objs))
EOF

# Without MuPDF's helper (configure --without-mupdf): gavel's own reader reads plain PDFs,
# says a scan as always, and refuses the rest (encrypted, damaged) with its reason and the
# way out.
NO="/nonexistent/gavel-pdf"
GAVEL_PDF_HELPER=$NO pdf_case "no MuPDF: a plain PDF read by gavel itself" "0" "" "$P/A_RES_73_7-EN.pdf"
GAVEL_PDF_HELPER=$NO pdf_case "no MuPDF: a PDF cut short" "69" "MuPDF" "$D/truncated.pdf"
GAVEL_PDF_HELPER=$NO pdf_case "no MuPDF: a password-protected PDF" "69" "qpdf --decrypt" "$P/bad/encrypted.pdf"
GAVEL_PDF_HELPER=$NO pdf_case "no MuPDF: an owner's password only" "69" "encrypted" "$P/bad/owner-only.pdf"
GAVEL_PDF_HELPER=$NO pdf_case "no MuPDF: a scan" "65" "OCR" "$P/bad/scan.pdf"
GAVEL_PDF_HELPER=$NO GAVEL_PDF_QUICK=0 pdf_case "no PDF reader at all" "69" "pdftotext" "$P/A_RES_73_7-EN.pdf"
for f in "$D"/*.pdf; do
	GAVEL_PDF_HELPER=$NO pdf_case "no MuPDF: $(basename "$f")" "0 65 69" "" "$f"
done

[ -x "${GAVEL_PDF_HELPER:-}" ] || { echo "skipped: the cases of the helper, gavel-pdf, not built (no MuPDF)"; finish; }

pdf_case "a PDF cut at 30%" "0 65" "" "$D/truncated.pdf"
pdf_case "a PDF cut before its fonts" "65" "no character" "$D/cut-before-fonts.pdf"
pdf_case "a PDF header and nothing" "65" "damaged PDF" "$D/header-only.pdf"
pdf_case "a PDF header and noise" "65" "damaged PDF" "$D/header-and-noise.pdf"
pdf_case "a PDF with 400 bytes flipped" "0 65" "" "$D/flipped.pdf"
pdf_case "a PDF without its xref" "0" "" "$D/no-xref.pdf"
pdf_case "a PDF without pages" "65" "no pages" "$D/no-pages.pdf"
pdf_case "a 300 MB content stream" "0 65" "" "$D/bomb.pdf"
pdf_case "200,000 nested states" "0 65" "" "$D/deep.pdf"
pdf_case "a page tree that contains itself" "65" "" "$D/cycle.pdf"
pdf_case "20,000 pages" "0 65" "" "$D/many-pages.pdf"
pdf_case "a password-protected PDF" "65" "password" "$P/bad/encrypted.pdf"
pdf_case "a PDF with an owner password only" "0" "" "$P/bad/owner-only.pdf"
pdf_case "a scan without text" "65" "OCR" "$P/bad/scan.pdf"

# The PDF reader itself crashing, hanging or flooding gavel (gavel's own reader off:
# it reads these PDFs whole without the helper).
printf '#!/bin/sh\nkill -SEGV $$\n' >"$TMP/crash" && chmod +x "$TMP/crash"
printf '#!/bin/sh\nexec sleep 600\n' >"$TMP/hang" && chmod +x "$TMP/hang"
printf '#!/bin/sh\necho gavel-pdf 1\nexec yes "span 0 10 1 2 3 4 5 h flood"\n' >"$TMP/flood" && chmod +x "$TMP/flood"
GAVEL_PDF_QUICK=0 GAVEL_PDF_HELPER="$TMP/crash" pdf_case "the PDF reader crashes" "65" "damaged PDF" "$P/A_RES_73_7-EN.pdf"
GAVEL_PDF_QUICK=0 GAVEL_PDF_HELPER="$TMP/hang" GAVEL_PDF_TIMEOUT=2 pdf_case "the PDF reader hangs" "65" "too long" "$P/A_RES_73_7-EN.pdf"
GAVEL_PDF_QUICK=0 GAVEL_PDF_HELPER="$TMP/flood" pdf_case "the PDF reader floods" "65" "128 MB" "$P/A_RES_73_7-EN.pdf"

# The reader says why and exits; the terminal is left as it was.
if command -v tmux >/dev/null 2>&1; then
	tm_start 100 30 "GAVEL_PDF_HELPER=$GAVEL_PDF_HELPER" "$GAVEL" "$P/bad/encrypted.pdf"
	# the line wraps where the path makes it (a long checkout path splits "password")
	tm_wait "__EXITED__ 65" 20 && tm_screen | tr -d '\n' | grep -q "gavel: .*password" &&
		ok "reader: a password-protected PDF, one line, exit 65" ||
		fail "reader on a password-protected PDF: $(tm_screen | grep -a -v '^$' | tail -3)"
	tm kill-server 2>/dev/null
fi
finish
