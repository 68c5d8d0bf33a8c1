#!/usr/bin/python3
"""docx-lo.py: opens a redline .docx in LibreOffice (headless, through UNO), accepts every
tracked change and compares the document with NEW, then reopens it, rejects every change and
compares it with OLD: paragraphs with the numbers Writer shows, footnote markers as Writer
numbers them, footnote texts.

Usage: docx-lo.py GAVEL OLD NEW FILE.docx
Exits 77 (skipped) when LibreOffice or its Python bridge is missing."""
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
import time

try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    print("SKIP: no LibreOffice Python bridge (python3-uno)")
    sys.exit(77)

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("docx_check", os.path.join(here, "docx-check.py"))
docx_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(docx_check)


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class Office:
    """A private soffice, on a pipe of its own, with a profile of its own."""

    def __init__(self):
        exe = shutil.which("soffice") or shutil.which("libreoffice")
        if not exe:
            print("SKIP: LibreOffice is not installed")
            sys.exit(77)
        self.profile = tempfile.mkdtemp(prefix="gavel-lo-")
        pipe = "gavel_%d" % os.getpid()
        self.proc = subprocess.Popen(
            [exe, "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
             "-env:UserInstallation=file://" + self.profile,
             "--accept=pipe,name=%s;urp;" % pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 180
        while True:
            try:
                self.ctx = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                if time.time() > deadline or self.proc.poll() is not None:
                    self.close()
                    print("FAIL: LibreOffice did not start")
                    sys.exit(1)
                time.sleep(0.2)
        smgr = self.ctx.ServiceManager
        self.desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", self.ctx)
        self.dispatch = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper",
                                                       self.ctx)

    def read(self, path, command):
        doc = self.desktop.loadComponentFromURL(uno.systemPathToFileUrl(path), "_blank", 0,
                                                (prop("Hidden", True),))
        if doc is None:
            raise RuntimeError("LibreOffice could not open " + path)
        self.dispatch.executeDispatch(doc.getCurrentController().getFrame(),
                                      ".uno:" + command, "", 0, ())
        if doc.getRedlines().createEnumeration().hasMoreElements():
            raise RuntimeError("tracked changes are left after " + command)
        paras = []
        for par in doc.getText().createEnumeration():
            if not par.supportsService("com.sun.star.text.Paragraph"):
                continue
            text = ""
            for por in par.createEnumeration():
                kind = por.TextPortionType
                if kind == "Text":
                    text += por.getString()
                elif kind == "Footnote":
                    fn = por.Footnote
                    text += "[%s]" % (fn.Label or fn.getAnchor().getString())
            number = par.ListLabelString or ""
            if not number and "\t" in text:
                number, text = text.split("\t", 1)
            paras.append(("", number, text))
        fns = doc.getFootnotes()
        notes = [fns.getByIndex(i).getString().strip() for i in range(fns.getCount())]
        doc.close(True)
        return paras, notes

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass
        try:
            self.proc.wait(timeout=60)
        except Exception:
            self.proc.kill()
        shutil.rmtree(self.profile, ignore_errors=True)


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    gavel, old, new, docx = sys.argv[1:]
    office = Office()
    try:
        accepted = office.read(docx, "AcceptAllTrackedChanges")
        rejected = office.read(docx, "RejectAllTrackedChanges")
    finally:
        office.close()
    docx_check.compare("LibreOffice, accept all", accepted, docx_check.expected(gavel, new))
    docx_check.compare("LibreOffice, reject all", rejected, docx_check.expected(gavel, old))


if __name__ == "__main__":
    main()
